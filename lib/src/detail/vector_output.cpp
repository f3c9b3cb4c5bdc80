#include "detail/vector_output.hpp"

#include "basural/base/error.hpp"
#include "basural/base/pg_connection.hpp"

#include <ogr_spatialref.h>

namespace basural::detail {
namespace {

bool is_pg(const std::string& destination)
{
    return destination.rfind("PG:", 0) == 0 || destination.rfind("postgresql://", 0) == 0;
}

bool single_layer_driver(const std::string& driver)
{
    return driver == "ESRI Shapefile" || driver == "CSV" || driver == "GeoJSON" || driver == "FlatGeobuf" ||
           driver == "KML";
}

}  // namespace

VectorOutput::VectorOutput(const std::string& destination) : m_destination(destination)
{
    ensure_gdal();
    last_gdal_error();
    m_wgs84.importFromEPSG(4326);
    m_wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (is_pg(destination)) {
        m_is_pg = true;
        m_display = redact_connection_string(destination);
        const std::string conn = destination.rfind("PG:", 0) == 0 ? destination : "PG:" + destination;
        m_ds.reset(GDALDataset::Open(conn.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        if (!m_ds)
            throw input_error(m_display, "cannot open the database for writing: " +
                                             redact_connection_string(last_gdal_error()));
        m_tx = std::make_unique<GdalTransaction>(*m_ds, m_display);
        return;
    }
    m_display = destination;
    const std::string driver_name = vector_driver_for(destination);
    m_single_layer = single_layer_driver(driver_name);
    m_file.emplace(destination);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (driver == nullptr)
        throw backend_error("GDAL has no " + driver_name + " driver to write '" + destination + "'");
    m_ds.reset(driver->Create(m_file->temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!m_ds)
        throw backend_error("cannot create '" + destination + "': " + last_gdal_error());
    if (driver_name == "GPKG" || driver_name == "SQLite")
        m_tx = std::make_unique<GdalTransaction>(*m_ds, m_display);
}

VectorOutput::~VectorOutput()
{
    m_tx.reset();  // rolls back unless committed
    m_ds.reset();
}

OGRLayer& VectorOutput::create_layer(const std::string& name, OGRwkbGeometryType geometry_type,
                                     const std::vector<OutputField>& fields,
                                     const std::vector<std::string>& layer_options)
{
    if (m_single_layer && m_layers > 0)
        throw usage_error("'" + m_display + "' can hold one layer only; write to a .gpkg to get layer '" +
                          name + "' too");
    if (m_is_pg)
        quote_identifier(name);  // validates the name (throws usage_error)
    std::vector<std::string> options;
    if (m_is_pg)
        options = {"OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid"};
    options.insert(options.end(), layer_options.begin(), layer_options.end());
    CslList opts(options);
    OGRLayer* layer = m_ds->CreateLayer(name.c_str(), geometry_type == wkbNone ? nullptr : &m_wgs84,
                                        geometry_type, options.empty() ? nullptr : opts.get());
    if (layer == nullptr)
        throw backend_error("cannot create layer '" + name + "' in '" + m_display +
                            "': " + redact_connection_string(last_gdal_error()));
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type);
        defn.SetSubType(f.subtype);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw backend_error("cannot create field '" + f.name + "' of layer '" + name + "' in '" + m_display +
                                "': " + redact_connection_string(last_gdal_error()));
    }
    ++m_layers;
    return *layer;
}

void VectorOutput::write(OGRLayer& layer, OGRFeature& feature)
{
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
        throw backend_error("cannot write a feature to layer '" + std::string(layer.GetName()) + "' of '" +
                            m_display + "': " + redact_connection_string(last_gdal_error()));
}

void VectorOutput::commit()
{
    if (m_tx)
        m_tx->commit();
    m_tx.reset();
    if (m_file) {
        m_ds.reset();  // close: flushes the file
        if (!last_gdal_error().empty())
            throw backend_error("cannot finish writing '" + m_display + "'");
        m_file->commit();
    }
}

}  // namespace basural::detail
