"""Entities: alias files, name normalisation, the resolver and the corpus entity list."""

from checker.entities.aliases import AliasPack, EntityRecord, alias_files, load_aliases
from checker.entities.article import NO_ALIAS
from checker.entities.listing import list_entities
from checker.entities.resolver import EntityInfo, Resolver

__all__ = ["AliasPack", "EntityInfo", "EntityRecord", "NO_ALIAS", "Resolver", "alias_files", "list_entities",
           "load_aliases"]
