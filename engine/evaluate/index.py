"""The fact index: candidate facts for a binding, by kind and by join key.

Owns lookup structures built once per article: facts by fact kind, the
facts matching each binding (kind + qualifiers), and, lazily, for each
(binding, relation, side) a map from join key to facts.  A join asks for the
facts under the keys the already-bound fact gives, instead of trying every
fact: this is what keeps rule evaluation from scanning all pairs.

Building a table and looking up in it are charged to the article's meter
(a unit a fact scanned or returned, see ``budget``).
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
            kinds = sorted(binding.fact_kinds)
            self.ctx.meter.spent += sum(len(self.by_kind.get(kind, ())) for kind in kinds)
            found = [f for kind in kinds for f in self.by_kind.get(kind, []) if binding.matches(f)]
            found.sort(key=lambda f: (f.start, f.id))
            self._matching[key] = found
        return found

    def _table(self, binding: CBinding, join: JoinSpec) -> dict[object, list[Fact]]:
        table_key = (id(binding), join.table, join.new_side)
        table = self._keyed.get(table_key)
        if table is None:
            new_keys = join.new_keys
            meter = self.ctx.meter
            table = defaultdict(list)
            for f in self.candidates(binding):
                keys = set(new_keys(f, self.ctx))
                meter.spent += 1 + len(keys)
                for k in keys:
                    table[k].append(f)
            self._keyed[table_key] = table
        return table

    def _other_keys(self, join: JoinSpec, other: Fact) -> set:
        keys = set(join.other_keys(other, self.ctx))
        self.ctx.meter.spent += 1 + len(keys)
        return keys

    def estimate(self, binding: CBinding, join: JoinSpec, other: Fact) -> int:
        """At most how many facts ``joined`` gives (without collecting them)."""
        table = self._table(binding, join)
        return sum(len(table.get(k, ())) for k in self._other_keys(join, other))

    def joined(self, binding: CBinding, join: JoinSpec, other: Fact) -> list[Fact]:
        """Candidates for ``binding`` related to ``other`` through ``join``'s keys."""
        meter = self.ctx.meter
        table = self._table(binding, join)
        seen: dict[str, Fact] = {}
        keys = self._other_keys(join, other)
        weigh = join.relation.key_weight if join.relation is not None else None
        if weigh is None:
            for k in keys:
                found = table.get(k, ())
                meter.spent += len(found)
                for f in found:
                    seen.setdefault(f.id, f)
        else:
            # only the facts whose shared keys weigh what the relation needs
            # (a fact is under each of its keys once: the sum is the overlap)
            weight: dict[str, int] = {}
            for k in keys:
                found = table.get(k, ())
                meter.spent += len(found)
                w = weigh(k)
                for f in found:
                    seen.setdefault(f.id, f)
                    weight[f.id] = weight.get(f.id, 0) + w
            least = join.relation.min_weight  # type: ignore[union-attr]
            seen = {i: f for i, f in seen.items() if weight[i] >= least}
        return sorted(seen.values(), key=lambda f: (f.start, f.id))
