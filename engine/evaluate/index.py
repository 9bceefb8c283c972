"""The fact index: candidate facts for a binding, by kind and by join key.

Owns lookup structures built once per article: facts by fact kind, the
facts matching each binding (kind + qualifiers), and, lazily, for each
(binding, relation, side) a map from join key to facts.  A join asks for the
facts under the keys the already-bound fact gives, instead of trying every
fact: this is what keeps rule evaluation from scanning all pairs.
"""

from __future__ import annotations

from collections import defaultdict

from ..facts.model import Fact
from ..lang.compiled import CBinding, JoinSpec
from ..vocab.context import EvalContext


class FactIndex:
    def __init__(self, ctx: EvalContext):
        self.ctx = ctx
        self.by_kind: dict[str, list[Fact]] = defaultdict(list)
        for f in ctx.facts:
            self.by_kind[f.kind].append(f)
        self._matching: dict[int, list[Fact]] = {}
        self._keyed: dict[tuple[int, str, str], dict[object, list[Fact]]] = {}
        #: candidate facts tried by the evaluator (a measure of join cost)
        self.visited = 0
        #: ids of rules that hit the step limit (their findings may be incomplete)
        self.truncated: list[str] = []
        #: ids of rules whose findings were cut at the per-rule maximum
        self.capped: list[str] = []

    def candidates(self, binding: CBinding) -> list[Fact]:
        key = id(binding)
        found = self._matching.get(key)
        if found is None:
            found = [f for kind in sorted(binding.fact_kinds) for f in self.by_kind.get(kind, []) if binding.matches(f)]
            found.sort(key=lambda f: (f.start, f.id))
            self._matching[key] = found
        return found

    def joined(self, binding: CBinding, join: JoinSpec, other: Fact) -> list[Fact]:
        """Candidates for ``binding`` related to ``other`` through ``join``'s keys."""
        new_keys, other_keys = join.new_keys, join.other_keys
        table_key = (id(binding), join.relation.name, join.new_side)
        table = self._keyed.get(table_key)
        if table is None:
            table = defaultdict(list)
            for f in self.candidates(binding):
                for k in set(new_keys(f, self.ctx)):
                    table[k].append(f)
            self._keyed[table_key] = table
        seen: dict[str, Fact] = {}
        for k in set(other_keys(other, self.ctx)):
            for f in table.get(k, ()):
                seen.setdefault(f.id, f)
        return sorted(seen.values(), key=lambda f: (f.start, f.id))
