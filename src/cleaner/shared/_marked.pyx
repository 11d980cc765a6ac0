# cython: language_level=3
"""`dom.Marked`'s scan compiled against lxml's C API: the elements with a marker or microdata attribute and
those attributes, about 2x faster.

The Python scan finds the elements by XPath and reads eight attributes of each through lxml proxies; this one
follows libxml2's node pointers, reads the attributes straight from the nodes and makes a proxy only for the
elements it returns. `tests/test_compiled.py` checks both give the same. Built by setup.py when a C compiler is at
hand; dom.py falls back to the Python scan otherwise, and when the lxml imported is not the one this was compiled
against.
"""

from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
from lxml.includes.tree cimport xmlAttr, xmlNode

from cleaner.shared._nodes cimport attribute_value, element_from

cetree.import_lxml__etree()

LXML_VERSION = (<bytes>cetree.LXML_VERSION_STRING).decode("ascii")  # compiled.py compares it with the lxml loaded

# the attributes read, in a Record's order: the five of the marker, then the microdata ones
cdef enum:
    SCANNED_COUNT = 8
cdef const char* SCANNED[SCANNED_COUNT]
SCANNED[:] = [b"class", b"id", b"role", b"aria-label", b"data-testid", b"itemprop", b"itemtype", b"rel"]


cdef inline int scanned_index(const char* name) noexcept:
    """The index of attribute `name` in SCANNED, or -1."""
    cdef int k
    for k in range(SCANNED_COUNT):
        if strcmp(name, SCANNED[k]) == 0:
            return k
    return -1


def scanned_elements(root):
    """`dom.scanned_elements`: a `dom.Record` of every element under `root` and its following top-level siblings,
    `root` included, in document order, that has a marker attribute (class, id, role, aria-label, data-testid) or
    a microdata one (itemprop, itemtype, rel), or is a <time>."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef cetree._Document doc = top._doc
    cdef xmlNode* c_top = element_from(top._c_node)
    cdef xmlNode* c_node
    cdef xmlNode* c_next
    cdef xmlAttr* c_attr
    cdef int k
    out = []
    while c_top is not NULL:
        c_node = c_top
        while True:
            values = None  # per SCANNED name, the element's value (None: it has none)
            c_attr = c_node.properties
            while c_attr is not NULL:
                k = scanned_index(<const char*>c_attr.name) if c_attr.ns is NULL else -1
                if k >= 0:
                    if values is None:
                        values = [None] * SCANNED_COUNT
                    values[k] = attribute_value(c_attr, doc, c_node)
                c_attr = c_attr.next
            if values is None and c_node.ns is NULL and strcmp(<const char*>c_node.name, b"time") == 0:
                values = [None] * SCANNED_COUNT
            if values is not None:
                cls, ident, role, label, testid, itemprop, itemtype, rel = values
                mark = f"{cls or ''} {ident or ''} {role or ''} {label or ''} {testid or ''}".lower()
                out.append((cetree.elementFactory(doc, c_node), mark, cls, itemprop, itemtype, rel))
            # the next element in document order under c_top: the first child, else the next sibling of the
            # nearest ancestor (or itself) that has one
            c_next = element_from(c_node.children)
            while c_next is NULL and c_node is not c_top:
                c_next = element_from(c_node.next)
                c_node = c_node.parent
            if c_next is NULL:
                break
            c_node = c_next
        c_top = element_from(c_top.next)
    return out
