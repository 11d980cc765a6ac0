"""The compiled hot loops, built when Cython, lxml's headers and a C compiler are at hand: the page walk of
`cleaner.extract.segment` (extract/_walk.pyx), the attribute scan of `cleaner.shared.dom` (shared/_marked.pyx), the
per-block counts of `cleaner.extract.block_features` (extract/_counts.pyx) and the tree walk of
`cleaner.shared.boosted` (shared/_trees.pyx). All are optional: without them the package runs the same code in
Python and numpy."""

from setuptools import Extension, setup


def extensions() -> list[Extension]:
    """The compiled loops, or none when Cython or lxml is missing at build time."""
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError:
        return []
    walk = Extension(
        "cleaner.extract._walk",
        ["src/cleaner/extract/_walk.pyx"],
        include_dirs=lxml.get_include(),
        optional=True,  # a failed compile leaves the Python walk, not a failed install
    )
    marked = Extension(
        "cleaner.shared._marked", ["src/cleaner/shared/_marked.pyx"], include_dirs=lxml.get_include(), optional=True
    )
    trees = Extension("cleaner.shared._trees", ["src/cleaner/shared/_trees.pyx"], optional=True)
    counts = Extension("cleaner.extract._counts", ["src/cleaner/extract/_counts.pyx"], optional=True)
    return cythonize([walk, marked, trees, counts], include_path=["src"], language_level=3, quiet=True)


setup(ext_modules=extensions())
