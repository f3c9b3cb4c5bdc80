#pragma once
// One way to write vector outputs (inventories, plans, rankings) to a file or to PostGIS.
// Private: public headers never include GDAL.
//
//  - A file: the driver is chosen by extension (vector_driver_for); everything is written to a
//    temporary file beside the target and renamed over it by commit() (AtomicOutput), so a failed
//    run leaves the previous file as it was. Layers that the format cannot hold several of
//    (Shapefile, CSV, GeoJSON, FlatGeobuf, KML) allow one layer only.
//  - "PG:...": the database is opened for update and every layer is written in ONE transaction
//    (GdalTransaction); an existing table of the same name is replaced inside that transaction, so a
//    failed run leaves the tables as they were. The connection string never appears in errors
//    unredacted. Table names go to GDAL, which quotes them; they are also checked with
//    quote_identifier's rules (non-empty, no NUL, <= 63 bytes).

#include "detail/gdal.hpp"
#include "detail/gdal_transaction.hpp"

#include "basural/base/atomic_output.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace basural::detail {

/// A field of an output layer.
struct OutputField {
    std::string name;
    OGRFieldType type = OFTString;
    OGRFieldSubType subtype = OFSTNone;  ///< OFSTBoolean for yes/no columns
};

class VectorOutput {
public:
    /// Opens (PG:) or creates (file) the destination. Throws usage_error for an unknown extension,
    /// input_error/backend_error when the destination cannot be opened or created.
    explicit VectorOutput(const std::string& destination);
    ~VectorOutput();
    VectorOutput(const VectorOutput&) = delete;
    VectorOutput& operator=(const VectorOutput&) = delete;

    /// True when the destination is a PostgreSQL/PostGIS connection.
    bool is_database() const noexcept { return m_is_pg; }
    /// The destination as it may be shown to a user (passwords redacted).
    const std::string& display_name() const noexcept { return m_display; }

    /// Creates a layer (replacing a table of that name in a database) with the given fields and a
    /// geometry type (wkbNone for a plain table); geometries are WGS84 lon/lat (EPSG:4326).
    /// `layer_options` go to GDAL's CreateLayer after our own (PG: OVERWRITE, GEOMETRY_NAME, FID).
    OGRLayer& create_layer(const std::string& name, OGRwkbGeometryType geometry_type,
                           const std::vector<OutputField>& fields,
                           const std::vector<std::string>& layer_options = {});

    /// Adds a feature to `layer`; throws backend_error naming the layer on failure.
    void write(OGRLayer& layer, OGRFeature& feature);

    /// Makes everything visible at once: commits the transaction (PG) or closes and renames the
    /// file. Without commit(), the destructor throws nothing away but the temporary / transaction.
    void commit();

private:
    std::string m_destination;
    std::string m_display;
    bool m_is_pg = false;
    bool m_single_layer = false;
    std::size_t m_layers = 0;
    std::optional<AtomicOutput> m_file;
    GDALDatasetUniquePtr m_ds;
    std::unique_ptr<GdalTransaction> m_tx;  // declared after m_ds: destroyed (rolled back) first
    OGRSpatialReference m_wgs84;
};

}  // namespace basural::detail
