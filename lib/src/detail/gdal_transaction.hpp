#pragma once
// A dataset transaction that is rolled back unless committed, for writes through GDAL
// (PostgreSQL/PostGIS, GeoPackage, SQLite). Private: public headers never include GDAL.
//
// Why not call StartTransaction/CommitTransaction by hand: with GDAL 3.6's PostgreSQL driver
//  - closing a dataset whose transaction is still open COMMITS it, so an exception unwinding past
//    a half-done write would publish the half (tests/postgis: "closing ... does not commit");
//  - RollbackTransaction while a layer still has an open read cursor (any GetNextFeature not read to
//    the end) first closes the cursors with a COMMIT, then rolls back nothing.
// This guard rolls back in its destructor, and resets reading on every layer before rolling back.
// Declare it AFTER the dataset it guards, so it is destroyed first.

#include <gdal_priv.h>

#include <string>

namespace basural::detail {

class GdalTransaction {
public:
    /// Starts a transaction on `ds`; throws basural::backend_error (with GDAL's message) when the
    /// driver does not support transactions or the start fails. `what` names the dataset in errors
    /// (pass a redacted connection string, never one with a password).
    GdalTransaction(GDALDataset& ds, std::string what);
    ~GdalTransaction();
    GdalTransaction(const GdalTransaction&) = delete;
    GdalTransaction& operator=(const GdalTransaction&) = delete;

    /// Commits; throws basural::backend_error on failure (the transaction is then over either way).
    void commit();
    /// Rolls back now; throws basural::backend_error on failure.
    void rollback();
    bool active() const noexcept { return m_active; }

private:
    GDALDataset& m_ds;
    std::string m_what;
    bool m_active = false;
};

}  // namespace basural::detail
