"""Helpers more than one stage uses: tree walking (`dom`), phrase lists per language (`phrases`), writing systems
(`scripts`), the tree-ensemble runtime (`boosted`) and the expected-F1 keep rule (`keep`)."""
