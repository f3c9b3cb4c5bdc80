#include "detail/gdal_transaction.hpp"

#include "basural/base/error.hpp"
#include "detail/gdal.hpp"

#include <utility>

namespace basural::detail {
namespace {

void reset_all_layers(GDALDataset& ds) noexcept
{
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (OGRLayer* layer = ds.GetLayer(i))
            layer->ResetReading();
}

}  // namespace

GdalTransaction::GdalTransaction(GDALDataset& ds, std::string what) : m_ds(ds), m_what(std::move(what))
{
    ensure_gdal();
    last_gdal_error();
    const OGRErr err = m_ds.StartTransaction(FALSE);
    if (err == OGRERR_UNSUPPORTED_OPERATION)
        throw backend_error(m_what + ": this format does not support transactions");
    if (err != OGRERR_NONE)
        throw backend_error(m_what + ": cannot start a transaction: " + last_gdal_error());
    m_active = true;
}

GdalTransaction::~GdalTransaction()
{
    if (!m_active)
        return;
    // Never throws: this runs while an exception unwinds. A failed rollback leaves the transaction to
    // the server, which discards it when the connection closes without COMMIT.
    reset_all_layers(m_ds);
    m_ds.RollbackTransaction();
    last_gdal_error();
}

void GdalTransaction::commit()
{
    if (!m_active)
        throw backend_error(m_what + ": commit without an active transaction");
    m_active = false;
    last_gdal_error();
    if (m_ds.CommitTransaction() != OGRERR_NONE)
        throw backend_error(m_what + ": commit failed, nothing was written: " + last_gdal_error());
}

void GdalTransaction::rollback()
{
    if (!m_active)
        throw backend_error(m_what + ": rollback without an active transaction");
    m_active = false;
    reset_all_layers(m_ds);
    last_gdal_error();
    if (m_ds.RollbackTransaction() != OGRERR_NONE)
        throw backend_error(m_what + ": rollback failed: " + last_gdal_error());
}

}  // namespace basural::detail
