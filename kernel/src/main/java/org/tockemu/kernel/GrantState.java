package org.tockemu.kernel;

/**
 * Base of a capsule's per-process state type T in Grant&lt;T&gt;. Subclasses declare their layout as
 * byte offsets and read/write fields through the accessors of {@link GrantMemory}; the bytes live
 * in the process's grant region (charged byte for byte against its RAM), never in Java fields.
 */
public abstract class GrantState extends GrantMemory {
    /** Size of the state in bytes (the T of Grant&lt;T&gt;). */
    public abstract int size();
}
