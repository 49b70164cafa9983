package org.tockemu.core.decode;

/** Named bit fields extracted from an encoding by a {@link Pattern}; used at decode time only. */
public final class Fields {
    private final String[] names;
    private final int[] values;

    Fields(String[] names, int[] values) { this.names = names; this.values = values; }

    public int get(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[i];
        throw new IllegalArgumentException("no field " + name);
    }

    public boolean has(String name) {
        for (String n : names) if (n.equals(name)) return true;
        return false;
    }

    /** Single-bit field as boolean. */
    public boolean bit(String name) { return get(name) != 0; }
}
