package org.tockemu.jit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loop structure of a region, for its entries: each entry inside loops is reached by jumping
 * through their headers (the backend's RESUME chain), because jumping from the method's start
 * into the middle of a loop would make the loop irreducible, and HotSpot's C2 leaves irreducible
 * loops unoptimized (no hoisting of the window fields, more spills). Loops: back edges of a
 * depth-first search from the entries (lowest pc first), bodies the natural loops of their headers.
 */
final class Loops {
    private Loops() {}

    /** For each entry of rb (as {@link RegionBuilder#entries()}), the headers of the loops around it, outermost first. */
    static int[][] resumeChains(RegionBuilder rb) {
        List<IrNode> nodes = rb.nodes;
        Map<Integer, IrNode> byPc = rb.byPc;
        int[] entries = rb.entries();
        int n = nodes.size();
        List<List<Integer>> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) preds.add(new ArrayList<>());
        for (IrNode m : nodes) {
            for (int k = 0; k < 2; k++) {
                IrNode s = rb.succ(m, k);
                if (s != null) preds.get(s.index).add(m.index);
            }
        }
        // iterative depth-first search: state 1 on the stack, 2 done
        int[] state = new int[n];
        List<int[]> backEdges = new ArrayList<>();
        int[] stack = new int[n], edge = new int[n];
        for (int e : entries) {
            int root = byPc.get(e).index;
            if (state[root] != 0) continue;
            int sp = 0;
            stack[sp] = root; edge[sp] = 0; sp++; state[root] = 1;
            while (sp > 0) {
                int v = stack[sp - 1];
                IrNode m = nodes.get(v);
                int k = edge[sp - 1]++;
                if (k < 2) {
                    IrNode s = rb.succ(m, k);
                    if (s == null) continue;
                    int w = s.index;
                    if (state[w] == 1) backEdges.add(new int[] {v, w});
                    else if (state[w] == 0) { state[w] = 1; stack[sp] = w; edge[sp] = 0; sp++; }
                } else {
                    state[v] = 2;
                    sp--;
                }
            }
        }
        // natural loop bodies, one per header
        Map<Integer, BitSet> bodies = new HashMap<>();
        for (int[] be : backEdges) {
            BitSet body = bodies.get(be[1]);
            if (body == null) bodies.put(be[1], body = new BitSet(n));
            body.set(be[1]);
            ArrayDeque<Integer> work = new ArrayDeque<>();
            work.add(be[0]);
            while (!work.isEmpty()) {
                int v = work.poll();
                if (body.get(v)) continue;
                body.set(v);
                for (int p : preds.get(v)) work.add(p);
            }
        }
        int[][] chains = new int[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            int e = byPc.get(entries[i]).index;
            List<Integer> around = new ArrayList<>();
            for (Map.Entry<Integer, BitSet> b : bodies.entrySet()) {
                if (b.getKey() != e && b.getValue().get(e)) around.add(b.getKey());
            }
            // outermost first: larger bodies, then lower pc
            around.sort(new Comparator<Integer>() {
                @Override public int compare(Integer x, Integer y) {
                    int c = Integer.compare(bodies.get(y).cardinality(), bodies.get(x).cardinality());
                    return c != 0 ? c : Integer.compare(x, y);
                }
            });
            int[] chain = new int[around.size()];
            for (int k = 0; k < chain.length; k++) chain[k] = nodes.get(around.get(k)).pc;
            chains[i] = chain;
        }
        return chains;
    }
}
