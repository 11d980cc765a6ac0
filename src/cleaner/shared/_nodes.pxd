# cython: language_level=3
"""Reading libxml2 nodes as lxml shows them (`.tag`, `.get()`, `.text`/`.tail`), for the compiled walks
(extract/_walk.pyx, shared/_marked.pyx): inline helpers, compiled into each."""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlAttr, xmlNode


cdef inline str utf8(const char* c_text):
    return PyUnicode_DecodeUTF8(c_text, strlen(c_text), NULL)


cdef inline xmlNode* element_from(xmlNode* c_node) noexcept:
    """`c_node` or the first element after it, or NULL. Comments, PIs and entities are passed over with their
    tails, as lxml's iterwalk and XPath's `*` pass over them (the pipeline's parser drops comments and PIs anyway)."""
    while c_node is not NULL and c_node.type != tree.XML_ELEMENT_NODE:
        c_node = c_node.next
    return c_node


cdef inline xmlNode* text_node_or_skip(xmlNode* c_node) noexcept:
    """lxml's `_textNodeOrSkip`: `c_node` when it is text, past XInclude markers; NULL at any other node."""
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            return c_node
        if c_node.type == tree.XML_XINCLUDE_START or c_node.type == tree.XML_XINCLUDE_END:
            c_node = c_node.next
        else:
            return NULL
    return NULL


cdef inline str collect_text(xmlNode* c_node):
    """The text of the run of text nodes from `c_node` on: an element's `.text` (from its first child) or `.tail`
    (from its next sibling), as lxml's `_collectText` joins them; None when there is none."""
    c_node = text_node_or_skip(c_node)
    if c_node is NULL:
        return None
    if text_node_or_skip(c_node.next) is NULL:
        return utf8(<const char*>c_node.content)
    pieces = []
    while c_node is not NULL:
        pieces.append(utf8(<const char*>c_node.content))
        c_node = text_node_or_skip(c_node.next)
    return "".join(pieces)


cdef inline str tag_of(xmlNode* c_node):
    """lxml's `.tag` of an element: its name, '{uri}name' when it has a namespace."""
    if c_node.ns is not NULL and c_node.ns.href is not NULL:
        return "{%s}%s" % (utf8(<const char*>c_node.ns.href), utf8(<const char*>c_node.name))
    return utf8(<const char*>c_node.name)


cdef inline object attribute_value(xmlAttr* c_attr, cetree._Document doc, xmlNode* c_node):
    """The attribute's value as `.get()` gives it ('' when it has none written)."""
    cdef xmlNode* c_child = c_attr.children
    if c_child is NULL:
        return ""
    if c_child.next is NULL and c_child.type == tree.XML_TEXT_NODE:
        return utf8(<const char*>c_child.content)
    # several nodes (an entity reference among them): lxml's own reading
    return cetree.elementFactory(doc, c_node).get(utf8(<const char*>c_attr.name))
