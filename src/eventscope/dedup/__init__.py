"""Dedup: exact (hash) and near (MinHash/LSH) duplicates of paragraphs and documents."""

from eventscope.dedup.detector import (
    DocumentIndex,
    find_duplicate_paragraphs,
    minhash_signature,
    split_paragraphs,
)

__all__ = ["DocumentIndex", "find_duplicate_paragraphs", "minhash_signature", "split_paragraphs"]
