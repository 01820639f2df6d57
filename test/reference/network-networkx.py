"""Reference values for the network audit (issue 4), derived with networkx and plain Python — not with relaudit.

Usage (from the repo root, Debian's python3 with python3-networkx 2.8.8 when written):
  /usr/bin/python3 test/reference/network-networkx.py <networks-folder> <name> <out.json>

Computes on the unweighted simple graph: betweenness (networkx, raw and normalised, as a second opinion next to
igraph), articulation points and bridges of the undirected graph, and the E-I index (Krackhardt & Stern) written
out longhand from the edge list, with the analytic expectation under random mixing given the group sizes.
"""
import csv, json, sys
import networkx as nx

folder = f"{sys.argv[1]}/{sys.argv[2]}"
meta = json.load(open(f"{folder}/meta.json"))
directed = meta["directed"] == 1
nodes = list(csv.DictReader(open(f"{folder}/nodes.csv")))
group = {r["id"]: r["group"] for r in nodes}
g = nx.DiGraph() if directed else nx.Graph()
g.add_nodes_from(group)
for r in csv.DictReader(open(f"{folder}/edges.csv")):
    if r["source"] != r["target"]:
        g.add_edge(r["source"], r["target"])
n = g.number_of_nodes()

# networkx halves undirected raw betweenness, so raw values equal igraph's for both kinds.
bet = nx.betweenness_centrality(g, normalized=False)
betn = nx.betweenness_centrality(g, normalized=True)
u = g.to_undirected()
aps = sorted(nx.articulation_points(u))
bridges = sorted(sorted(e) for e in nx.bridges(u))

# E-I index: E = ties between groups, I = ties within; each directed arc (or undirected edge) counted once.
E = sum(1 for a, b in g.edges() if group[a] != group[b])
I = g.number_of_edges() - E
sizes = {}
for v in g.nodes():
    sizes[group[v]] = sizes.get(group[v], 0) + 1
# Possible ties: ordered pairs when directed, unordered when undirected (the factor cancels in the ratio).
pos_i = sum(s * (s - 1) for s in sizes.values())
pos_e = n * (n - 1) - pos_i
groups = {}
for gv, s in sizes.items():
    ge = sum(1 for a, b in g.edges() if (group[a] == gv) != (group[b] == gv))
    gi = sum(1 for a, b in g.edges() if group[a] == gv and group[b] == gv)
    # Ties touching the group: internal ordered pairs s(s-1); external pairs s(n-s) in each direction when directed.
    pe = s * (n - s) * (2 if directed else 1)
    pi = s * (s - 1) * (1 if directed else 0.5)
    groups[gv] = {"n": s, "external": ge, "internal": gi,
                  "eiIndex": (ge - gi) / (ge + gi) if ge + gi else None,
                  "expectedEiIndex": (pe - pi) / (pe + pi) if pe + pi else None}
people = {}
for v in g.nodes():
    nbrs = list(g.successors(v)) + list(g.predecessors(v)) if directed else list(g.neighbors(v))
    pe = sum(1 for w in nbrs if group[w] != group[v])
    pi = len(nbrs) - pe
    people[v] = {"eiIndex": (pe - pi) / (pe + pi) if nbrs else None,
                 "betweenness": bet[v], "betweennessNormalised": betn[v]}
out = {"source": "networkx + plain Python", "versions": {"networkx": nx.__version__}, "name": sys.argv[2],
       "directed": directed, "n": n, "ties": g.number_of_edges(),
       "eiIndex": (E - I) / (E + I), "expectedEiIndex": (pos_e - pos_i) / (pos_e + pos_i),
       "external": E, "internal": I, "groups": groups,
       "articulationPoints": aps, "bridges": bridges, "people": people}
json.dump(out, open(sys.argv[3], "w"), separators=(",", ":"))
