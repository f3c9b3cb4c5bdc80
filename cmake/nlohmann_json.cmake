# nlohmann-json for JSON reports and mapping files (nlohmann_json::nlohmann_json).
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
