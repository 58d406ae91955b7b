#ifndef RIGHTSBRIEF_CINFLATE_SHIM_H
#define RIGHTSBRIEF_CINFLATE_SHIM_H
// zlib's inflate, to unpack a reviewed workbook's parts a chunk at a time as the XML parser reads them.
#include <zlib.h>
#endif
