#ifndef KINO_CLIBXML2_SHIM_H
#define KINO_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/// `xmlFree` is a global function pointer variable in libxml2, which Swift cannot call directly.
static inline void kino_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
