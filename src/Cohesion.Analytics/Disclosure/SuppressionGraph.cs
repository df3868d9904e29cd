namespace Cohesion.Analytics.Disclosure;

/// <summary>
/// A grid of figures seen as a complete bipartite graph for secondary suppression: a node for each grid row
/// and each grid column, an edge for each cell (r, c), and the suppressed cells as the graph that matters.
/// Each row and each column of the grid is one published additive equation, so a suppressed cell can be
/// worked out exactly from the published figures when its edge is a bridge of the suppressed graph (Gusfield
/// 1988) — unless the caller knows of outside freedom, given as node tokens (see <see cref="CloseBridges"/>).
/// <para>Node ids: rows 0..Rows−1, then columns Rows..Rows+Cols−1. Cells are row-major, r·Cols + c.</para>
/// <para>Speed: one grid side is small (categories) and the other large (areas). The smaller side are the
/// "hubs"; for every pair of hubs the table keeps the two cheapest one-spoke hops u → spoke → v (with
/// distinct spokes), updated in O(hubs) when a cell is suppressed. A cheapest path then costs O(hubs²)
/// whatever the number of spokes, instead of a Dijkstra over every cell.</para>
/// </summary>
internal sealed class SuppressionGraph
{
    readonly int _rows, _cols, _hubs, _spokes;
    readonly bool _hubsAreColumns;
    readonly double[] _cost;
    readonly bool[] _suppressed;
    // Hop tables, hubs × hubs: the cheapest and second-cheapest u → spoke → v, with the spoke.
    readonly double[] _hop1, _hop2;
    readonly int[] _via1, _via2;
    // Built at the first search: a table whose suppressed cells already lie on cycles never needs them.
    bool _hopsBuilt;
    // Connected components of the suppressed graph, kept as cells are suppressed.
    readonly int[] _parent;

    /// <param name="rows">Grid rows.</param>
    /// <param name="cols">Grid columns.</param>
    /// <param name="cost">The price of suppressing each cell, row-major; kept, not copied.</param>
    /// <param name="suppressed">Suppressed cells, row-major; kept, not copied, and updated in place.</param>
    public SuppressionGraph(int rows, int cols, double[] cost, bool[] suppressed)
    {
        _rows = rows;
        _cols = cols;
        _cost = cost;
        _suppressed = suppressed;
        _hubsAreColumns = cols <= rows;
        (_hubs, _spokes) = _hubsAreColumns ? (cols, rows) : (rows, cols);
        var pairs = _hubs * _hubs;
        _hop1 = new double[pairs];
        _hop2 = new double[pairs];
        _via1 = new int[pairs];
        _via2 = new int[pairs];
        _parent = new int[rows + cols];
        for (var i = 0; i < _parent.Length; i++) _parent[i] = i;
        for (var cell = 0; cell < suppressed.Length; cell++)
            if (suppressed[cell]) Union(cell / cols, rows + cell % cols);
    }

    /// <summary>Grid rows.</summary>
    public int Rows => _rows;
    /// <summary>Grid columns.</summary>
    public int Cols => _cols;
    /// <summary>Rows + Cols.</summary>
    public int Nodes => _rows + _cols;

    /// <summary>Whether a cell is suppressed.</summary>
    public bool IsSuppressed(int cell) => _suppressed[cell];

    /// <summary>Suppresses a cell; false when it already was.</summary>
    public bool Suppress(int cell)
    {
        if (_suppressed[cell]) return false;
        _suppressed[cell] = true;
        var (s, b) = SpokeHub(cell);
        for (var v = 0; v < _hubs && _hopsBuilt; v++)
        {
            if (v == b) continue;
            var h = W(s, v);
            Offer(b * _hubs + v, h, s);
            Offer(v * _hubs + b, h, s);
        }
        Union(cell / _cols, _rows + cell % _cols);
        return true;
    }

    /// <summary>A representative node of the component of the suppressed graph that holds <paramref name="node"/>.</summary>
    public int Component(int node)
    {
        while (_parent[node] != node) node = _parent[node] = _parent[_parent[node]];
        return node;
    }

    void Union(int a, int b)
    {
        a = Component(a);
        b = Component(b);
        if (a != b) _parent[Math.Max(a, b)] = Math.Min(a, b);
    }

    /// <summary>
    /// Closes a cycle through every suppressed cell that is a bridge, unless the nodes it cuts off (the DFS
    /// subtree below it) carry tokens that do not sum to zero: callers set tokens so that such a bridge is
    /// known to be safe for another reason (see LinkedTables); null tokens treat every bridge as unsafe.
    /// Each cycle is the cheapest path, by <c>cost</c>, between the bridge's ends that avoids it. Bridges
    /// are found once a round and closed in turn; one that an earlier closure already put on a cycle costs
    /// nothing (its cheapest path is through suppressed cells), so rounds lose no quality to one-at-a-time.
    /// </summary>
    /// <param name="tokens">Per node, or null.</param>
    /// <param name="unclosable">Receives bridges no cycle can pass through (a grid with one row or column).</param>
    /// <returns>How many cells were suppressed.</returns>
    public int CloseBridges(ulong[]? tokens, List<int> unclosable)
    {
        var added = 0;
        while (true)
        {
            unclosable.Clear();
            var round = 0;
            foreach (var bridge in UnsafeBridges(tokens))
            {
                var (spoke, hub) = SpokeHub(bridge);
                var search = Search([SpokeNode(spoke)], bridge);
                if (double.IsPositiveInfinity(search.Dist[hub])) { unclosable.Add(bridge); continue; }
                round += SuppressPath(search, HubNode(hub));
            }
            added += round;
            if (round == 0) return added;
        }
    }

    /// <summary>
    /// The bridges of the suppressed graph (Tarjan's low-link, iterative) whose DFS subtree's tokens sum to
    /// zero (wrapping), in discovery order.
    /// </summary>
    List<int> UnsafeBridges(ulong[]? tokens)
    {
        // Adjacency of the suppressed graph, compressed: per node, (neighbour, cell).
        var degree = new int[Nodes + 1];
        for (var cell = 0; cell < _suppressed.Length; cell++)
            if (_suppressed[cell]) { degree[cell / _cols + 1]++; degree[_rows + cell % _cols + 1]++; }
        for (var i = 1; i <= Nodes; i++) degree[i] += degree[i - 1];
        var start = (int[])degree.Clone();
        var adjNode = new int[degree[Nodes]];
        var adjCell = new int[degree[Nodes]];
        for (var cell = 0; cell < _suppressed.Length; cell++)
        {
            if (!_suppressed[cell]) continue;
            var (r, c) = (cell / _cols, _rows + cell % _cols);
            adjNode[start[r]] = c; adjCell[start[r]++] = cell;
            adjNode[start[c]] = r; adjCell[start[c]++] = cell;
        }

        var disc = new int[Nodes];
        var low = new int[Nodes];
        var sum = new ulong[Nodes];
        var next = new int[Nodes];
        var via = new int[Nodes];
        Array.Fill(disc, -1);
        if (tokens is not null) Array.Copy(tokens, sum, Nodes);
        var stack = new int[Nodes];
        var bridges = new List<int>();
        var time = 0;
        for (var root = 0; root < Nodes; root++)
        {
            if (disc[root] >= 0 || degree[root] == degree[root + 1]) continue;
            var top = 0;
            stack[top++] = root;
            disc[root] = low[root] = time++;
            next[root] = degree[root];
            via[root] = -1;
            while (top > 0)
            {
                var node = stack[top - 1];
                if (next[node] < degree[node + 1])
                {
                    var k = next[node]++;
                    var (other, cell) = (adjNode[k], adjCell[k]);
                    if (cell == via[node]) continue;
                    if (disc[other] < 0)
                    {
                        disc[other] = low[other] = time++;
                        next[other] = degree[other];
                        via[other] = cell;
                        stack[top++] = other;
                    }
                    else low[node] = Math.Min(low[node], disc[other]);
                }
                else if (--top > 0)
                {
                    var parent = stack[top - 1];
                    low[parent] = Math.Min(low[parent], low[node]);
                    sum[parent] += sum[node];
                    if (low[node] > disc[parent] && sum[node] == 0) bridges.Add(via[node]);
                }
            }
        }
        return bridges;
    }

    /// <summary>Cheapest distances from a set of nodes to every hub, optionally never using one cell.</summary>
    public HubSearch Search(IReadOnlyCollection<int> sources, int excludedCell = -1)
    {
        BuildHops();
        var s = new HubSearch(_hubs, excludedCell);
        foreach (var node in sources)
        {
            if (IsHubNode(node, out var hub)) { s.Dist[hub] = 0; s.PredHub[hub] = HubSearch.Source; continue; }
            var spoke = NodeIndex(node);
            for (var b = 0; b < _hubs; b++)
            {
                if (Cell(spoke, b) == excludedCell) continue;
                var d = W(spoke, b);
                if (d < s.Dist[b]) { s.Dist[b] = d; s.PredHub[b] = HubSearch.FromSpoke; s.PredSpoke[b] = spoke; }
            }
        }
        // Dense Dijkstra over the hubs: hubs² work, no heap.
        var done = new bool[_hubs];
        for (var step = 0; step < _hubs; step++)
        {
            var u = -1;
            for (var b = 0; b < _hubs; b++)
                if (!done[b] && (u < 0 || s.Dist[b] < s.Dist[u])) u = b;
            if (u < 0 || double.IsPositiveInfinity(s.Dist[u])) break;
            done[u] = true;
            for (var v = 0; v < _hubs; v++)
            {
                if (done[v] || v == u) continue;
                var (h, spoke) = Hop(u, v, excludedCell);
                var d = s.Dist[u] + h;
                if (d < s.Dist[v]) { s.Dist[v] = d; s.PredHub[v] = u; s.PredSpoke[v] = spoke; }
            }
        }
        return s;
    }

    /// <summary>The cheapest cost of reaching <paramref name="node"/> in a search.</summary>
    public double CostTo(HubSearch s, int node) => LastHop(s, node).Cost;

    /// <summary>Suppresses the cheapest path of a search to <paramref name="node"/>; returns how many cells it added.</summary>
    public int SuppressPath(HubSearch s, int node)
    {
        var (cost, hub) = LastHop(s, node);
        if (double.IsPositiveInfinity(cost)) throw new InvalidOperationException("no path: the grid is too small");
        var added = 0;
        if (!IsHubNode(node, out _) && Suppress(Cell(NodeIndex(node), hub))) added++;
        while (s.PredHub[hub] != HubSearch.Source)
        {
            var spoke = s.PredSpoke[hub];
            if (Suppress(Cell(spoke, hub))) added++;
            if (s.PredHub[hub] == HubSearch.FromSpoke) break;
            hub = s.PredHub[hub];
            if (Suppress(Cell(spoke, hub))) added++;
        }
        return added;
    }

    (double Cost, int Hub) LastHop(HubSearch s, int node)
    {
        if (IsHubNode(node, out var hub)) return (s.Dist[hub], hub);
        var spoke = NodeIndex(node);
        var best = (Cost: double.PositiveInfinity, Hub: -1);
        for (var b = 0; b < _hubs; b++)
        {
            if (Cell(spoke, b) == s.ExcludedCell) continue;
            var d = s.Dist[b] + W(spoke, b);
            if (d < best.Cost) best = (d, b);
        }
        return best;
    }

    void BuildHops()
    {
        if (_hopsBuilt) return;
        _hopsBuilt = true;
        Array.Fill(_hop1, double.PositiveInfinity);
        Array.Fill(_hop2, double.PositiveInfinity);
        Array.Fill(_via1, -1);
        Array.Fill(_via2, -1);
        for (var s = 0; s < _spokes; s++)
            for (var u = 0; u < _hubs; u++)
            {
                var wu = W(s, u);
                for (var v = u + 1; v < _hubs; v++)
                {
                    var h = wu + W(s, v);
                    Offer(u * _hubs + v, h, s);
                    Offer(v * _hubs + u, h, s);
                }
            }
    }

    (double Cost, int Spoke) Hop(int u, int v, int excludedCell)
    {
        var i = u * _hubs + v;
        if (excludedCell >= 0 && _via1[i] >= 0)
        {
            var (s, b) = SpokeHub(excludedCell);
            if (_via1[i] == s && (u == b || v == b)) return (_hop2[i], _via2[i]);
        }
        return (_hop1[i], _via1[i]);
    }

    /// <summary>Keeps the two cheapest hops of a hub pair, by distinct spokes; hop costs only ever fall.</summary>
    void Offer(int i, double h, int spoke)
    {
        if (_via1[i] == spoke) { if (h < _hop1[i]) _hop1[i] = h; return; }
        if (_via2[i] == spoke)
        {
            if (h >= _hop2[i]) return;
            _hop2[i] = h;
            if (h < _hop1[i]) { (_hop1[i], _hop2[i]) = (_hop2[i], _hop1[i]); (_via1[i], _via2[i]) = (_via2[i], _via1[i]); }
            return;
        }
        if (h < _hop1[i]) { _hop2[i] = _hop1[i]; _via2[i] = _via1[i]; _hop1[i] = h; _via1[i] = spoke; }
        else if (h < _hop2[i]) { _hop2[i] = h; _via2[i] = spoke; }
    }

    double W(int spoke, int hub)
    {
        var cell = Cell(spoke, hub);
        return _suppressed[cell] ? 0 : _cost[cell];
    }

    int Cell(int spoke, int hub) => _hubsAreColumns ? spoke * _cols + hub : hub * _cols + spoke;
    (int Spoke, int Hub) SpokeHub(int cell) => _hubsAreColumns ? (cell / _cols, cell % _cols) : (cell % _cols, cell / _cols);
    int SpokeNode(int spoke) => _hubsAreColumns ? spoke : _rows + spoke;
    int HubNode(int hub) => _hubsAreColumns ? _rows + hub : hub;
    int NodeIndex(int node) => node < _rows ? node : node - _rows;
    bool IsHubNode(int node, out int hub)
    {
        hub = NodeIndex(node);
        return node >= _rows == _hubsAreColumns;
    }
}

/// <summary>The result of <see cref="SuppressionGraph.Search"/>: per hub, the cheapest distance and how it was reached.</summary>
internal sealed class HubSearch
{
    /// <summary>PredHub value of a hub that is itself a source.</summary>
    public const int Source = -2;
    /// <summary>PredHub value of a hub reached straight from a source spoke.</summary>
    public const int FromSpoke = -1;

    public HubSearch(int hubs, int excludedCell)
    {
        Dist = new double[hubs];
        PredHub = new int[hubs];
        PredSpoke = new int[hubs];
        Array.Fill(Dist, double.PositiveInfinity);
        ExcludedCell = excludedCell;
    }

    public double[] Dist { get; }
    public int[] PredHub { get; }
    public int[] PredSpoke { get; }
    public int ExcludedCell { get; }
}
