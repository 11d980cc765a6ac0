"""The built-in filters, one module each, in their default order."""

from .boilerplate import BoilerplateFilter
from .byline import BylineFilter
from .captions import CaptionFilter
from .contributors import ContributorFilter
from .disclaimers import DisclaimerFilter
from .duplicate_headings import DuplicateHeadingFilter
from .icons import IconFilter
from .media_promos import MediaPromoFilter
from .navigation import NavigationFilter
from .paragraph_repair import ParagraphRepairFilter
from .prompts import PromptFilter
from .repeated_blocks import RepeatedBlockFilter
from .site_rules import SiteRulesFilter
from .title import TitleFilter
from .trailing_headings import TrailingHeadingFilter

BUILTINS = (
    SiteRulesFilter,
    IconFilter,
    ParagraphRepairFilter,
    TitleFilter,
    BylineFilter,
    DuplicateHeadingFilter,
    RepeatedBlockFilter,
    MediaPromoFilter,
    ContributorFilter,
    DisclaimerFilter,
    PromptFilter,
    NavigationFilter,
    CaptionFilter,
    BoilerplateFilter,
    TrailingHeadingFilter,
)

__all__ = [cls.__name__ for cls in BUILTINS] + ["BUILTINS"]
