"""Actors stage: resolve argument noun phrases to (name, country ISO3, sector) via a JSON knowledge base."""

from eventscope.actors.kb import KBEntry, KnowledgeBase, load_knowledge_base
from eventscope.actors.resolver import ActorResolver, DocumentActors

__all__ = ["ActorResolver", "DocumentActors", "KBEntry", "KnowledgeBase", "load_knowledge_base"]
