"""The peer in `npm run bench` (issue 15): what an analyst would otherwise run on the same files, timed end to end.

pandas reads people.csv and interactions.csv; python-igraph builds the directed graph of distinct (from, to) pairs
(self-contact left out, as relaudit does) and computes density, reciprocity, the E-I index of each boundary
attribute, exact betweenness and articulation points. Prints one JSON object: the seconds of each step and the
figures, so the bench can check that both tools saw the same network (ties, density, reciprocity).

    python3 scripts/bench/peer.py DIR organisation,team,profession
"""
import json
import sys
import time

started = time.perf_counter()
import igraph as ig  # noqa: E402  (imports are part of what the analyst waits for)
import pandas as pd  # noqa: E402

steps = {}


def step(name, since):
    now = time.perf_counter()
    steps[name] = round(now - since, 4)
    return now


folder, attributes = sys.argv[1], [a for a in sys.argv[2].split(",") if a]
t = step("import", started)
people = pd.read_csv(f"{folder}/people.csv", dtype=str)
interactions = pd.read_csv(f"{folder}/interactions.csv", usecols=["from", "to"], dtype=str)
t = step("read", t)

pairs = interactions[interactions["from"] != interactions["to"]].drop_duplicates()
ids = pd.Index(pd.unique(pd.concat([people["id"], pairs["from"], pairs["to"]], ignore_index=True)))
edges = list(zip(ids.get_indexer(pairs["from"]), ids.get_indexer(pairs["to"])))
graph = ig.Graph(n=len(ids), edges=edges, directed=True)
t = step("graph", t)

density = graph.density(loops=False)
reciprocity = graph.reciprocity(ignore_loops=True, mode="default")
t = step("density, reciprocity", t)

ei = {}
for attribute in attributes:
    groups = people.set_index("id")[attribute].reindex(pairs["from"]).to_numpy(), people.set_index("id")[attribute].reindex(
        pairs["to"]
    ).to_numpy()
    known = pd.notna(groups[0]) & pd.notna(groups[1])
    internal = int(((groups[0] == groups[1]) & known).sum())
    external = int(known.sum()) - internal
    ei[attribute] = (external - internal) / (external + internal) if external + internal else None
t = step("e-i", t)

betweenness = graph.betweenness(directed=True)
t = step("betweenness (exact)", t)

articulation = graph.as_undirected().articulation_points()
t = step("articulation points", t)

top = sorted(range(len(ids)), key=lambda v: (-betweenness[v], ids[v]))[:10]
print(
    json.dumps(
        {
            "seconds": round(time.perf_counter() - started, 4),
            "steps": steps,
            "people": len(ids),
            "ties": graph.ecount(),
            "density": density,
            "reciprocity": reciprocity,
            "eiIndex": ei,
            "articulationPoints": len(articulation),
            "topBetweenness": [[ids[v], betweenness[v]] for v in top],
        }
    )
)
