#ifndef RIGHTSBRIEF_CXLSXWRITER_SHIM_H
#define RIGHTSBRIEF_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
