#pragma once
/// \file inventory.hpp
/// An inventory of sites: loading any vector source into the schema (reading.hpp) and writing it
/// back in any vector format (writing.hpp).

#include "basural/inventory/reading.hpp"
#include "basural/inventory/writing.hpp"
