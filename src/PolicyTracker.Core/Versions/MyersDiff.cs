namespace PolicyTracker.Core.Versions;

/// <summary>
/// The longest common subsequence of two sequences of symbols, by Myers' O((N+M)·D) algorithm in its linear-space
/// form: it searches for the middle snake of the edit graph and recurses on both halves, so memory stays O(N+M)
/// even when two versions share nothing, and similar texts (small D) take near-linear time.
/// </summary>
internal static class MyersDiff
{
    /// <summary>The index pairs (in <paramref name="a"/>, in <paramref name="b"/>) of a longest common subsequence, in order.</summary>
    public static List<(int A, int B)> Matches(int[] a, int[] b)
    {
        var matches = new List<(int A, int B)>();
        var search = new Search(a, b);
        search.Run(0, a.Length, 0, b.Length, matches);
        return matches;
    }

    private sealed class Search(int[] a, int[] b)
    {
        // Indexed by diagonal k = x - y, shifted by Offset; sized for the largest box once.
        private readonly int[] forward = new int[2 * (a.Length + b.Length) + 3];
        private readonly int[] backward = new int[2 * (a.Length + b.Length) + 3];
        private int Offset => a.Length + b.Length + 1;

        public void Run(int left, int right, int top, int bottom, List<(int A, int B)> matches)
        {
            // Common ends are matched outright: the usual case for two versions of one document.
            var head = new List<(int, int)>();
            while (left < right && top < bottom && a[left] == b[top])
            {
                head.Add((left++, top++));
            }

            var tail = new List<(int, int)>();
            while (left < right && top < bottom && a[right - 1] == b[bottom - 1])
            {
                tail.Add((--right, --bottom));
            }

            matches.AddRange(head);
            if (left < right && top < bottom)
            {
                // The snake is one edit step and a diagonal run, in either order; as a box of its own its run is a
                // common prefix or suffix, which the call matches outright. Each of the three boxes is smaller than
                // this one (the ends were trimmed and a snake of a non-empty box holds a step), so this ends.
                var (x, y, u, v) = MiddleSnake(left, right, top, bottom);
                Run(left, x, top, y, matches);
                Run(x, u, y, v, matches);
                Run(u, right, v, bottom, matches);
            }

            tail.Reverse();
            matches.AddRange(tail);
        }

        // The middle snake of the box: a diagonal run (x, y) to (u, v) on some shortest edit path, found by searching
        // from both corners until the two searches overlap.
        private (int X, int Y, int U, int V) MiddleSnake(int left, int right, int top, int bottom)
        {
            var width = right - left;
            var height = bottom - top;
            var delta = width - height;
            var odd = (delta & 1) != 0;
            var max = (width + height + 1) / 2;
            var o = Offset;
            forward[o + 1] = left;
            backward[o + 1] = bottom;

            for (var d = 0; d <= max; d++)
            {
                for (var k = d; k >= -d; k -= 2)
                {
                    int x, px;
                    if (k == -d || (k != d && forward[o + k - 1] < forward[o + k + 1]))
                    {
                        px = x = forward[o + k + 1];
                    }
                    else
                    {
                        px = forward[o + k - 1];
                        x = px + 1;
                    }

                    var y = top + (x - left) - k;
                    var py = d == 0 || x != px ? y : y - 1;
                    while (x < right && y < bottom && a[x] == b[y])
                    {
                        x++;
                        y++;
                    }

                    forward[o + k] = x;
                    var c = k - delta;
                    if (odd && c >= -(d - 1) && c <= d - 1 && y >= backward[o + c])
                    {
                        return (px, py, x, y);
                    }
                }

                for (var c = d; c >= -d; c -= 2)
                {
                    int y, py;
                    if (c == -d || (c != d && backward[o + c - 1] > backward[o + c + 1]))
                    {
                        py = y = backward[o + c + 1];
                    }
                    else
                    {
                        py = backward[o + c - 1];
                        y = py - 1;
                    }

                    var k = c + delta;
                    var x = left + (y - top) + k;
                    var px = d == 0 || y != py ? x : x + 1;
                    while (x > left && y > top && a[x - 1] == b[y - 1])
                    {
                        x--;
                        y--;
                    }

                    backward[o + c] = y;
                    if (!odd && k >= -d && k <= d && x <= forward[o + k])
                    {
                        return (x, y, px, py);
                    }
                }
            }

            throw new InvalidOperationException("The forward and backward searches always meet within half the box's size.");
        }
    }
}
