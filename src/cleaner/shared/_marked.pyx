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
    cdef const char* c_name
    cdef bint noted
    out = []
    while c_top is not NULL:
        c_node = c_top
        while True:
            cls = ident = role = label = testid = None
            itemprop = itemtype = rel = None
            noted = c_node.ns is NULL and strcmp(<const char*>c_node.name, b"time") == 0
            c_attr = c_node.properties
            while c_attr is not NULL:
                if c_attr.ns is NULL:
                    c_name = <const char*>c_attr.name
                    if strcmp(c_name, b"class") == 0:
                        cls, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"id") == 0:
                        ident, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"role") == 0:
                        role, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"aria-label") == 0:
                        label, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"data-testid") == 0:
                        testid, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"itemprop") == 0:
                        itemprop, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"itemtype") == 0:
                        itemtype, noted = attribute_value(c_attr, doc, c_node), True
                    elif strcmp(c_name, b"rel") == 0:
                        rel, noted = attribute_value(c_attr, doc, c_node), True
                c_attr = c_attr.next
            if noted:
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
