package org.tockemu.core.decode;

/**
 * One decoded Thumb/Thumb-2 instruction. Decoded once per halfword address and cached; the
 * executors ({@link Group}) read the operand fields. Field meaning is per opcode and documented
 * at its table entry; the common ones follow the ARM ARM names.
 */
public final class Insn {
    /** Which executor runs it ({@link Group}). */
    public int group;
    /** Opcode within the group. */
    public int op;
    /** 2 or 4 bytes. */
    public int size;
    /** The encoding, for cache validation and disassembly. */
    public int hw1, hw2;
    /** Table entry name (mnemonic and encoding, e.g. "ADD_imm_T3"). */
    public String name;

    public int rd, rn, rm, ra;
    /** Immediate (already expanded: ThumbExpandImm, scaled offsets, sign-extended branch offsets). */
    public int imm;
    /** Shift type (0 LSL, 1 LSR, 2 ASR, 3 ROR, 4 RRX) and amount for shifted-register operands. */
    public int shiftType, shiftN;
    /** Flag setting: 0 never, 1 always, 2 only outside an IT block (16-bit ALU forms). */
    public int setFlags;
    /** Carry out of ThumbExpandImm_C when it rotates (-1: the immediate leaves C unchanged). */
    public int immCarry = -1;
    /** Condition for conditional branches (14 = always). */
    public int cond = 14;
    /** Register list (LDM/STM/PUSH/POP) or opcode-specific bits. */
    public int list;
    /** Addressing flags for loads/stores: see {@link #INDEX}, {@link #ADD}, {@link #WBACK}. */
    public int flags;
    /** Static cycle cost (cycle model refines this; at least 1). */
    public int cycles = 1;

    public static final int INDEX = 1, ADD = 2, WBACK = 4;

    /**
     * Interpreter fast-dispatch code (exec.Interpreter#classify): 0 while unclassified, which
     * always takes the generic {@link Group} dispatch. Performance only: no semantic meaning.
     */
    public int fast;
    /**
     * Cache validation key, set with {@link #fast}: (little-endian word at the instruction's
     * address & encMask) == encKey exactly when the bytes still hold this encoding. The defaults
     * never match, so an unclassified instruction is validated the long way.
     */
    public int encKey = -1, encMask;
    /**
     * The interpreter's decoded block starting at this instruction (exec.Block), or null.
     * Performance only, like {@link #fast}; validated against memory on every use.
     */
    public org.tockemu.core.exec.Block block;

    public boolean index() { return (flags & INDEX) != 0; }
    public boolean add() { return (flags & ADD) != 0; }
    public boolean wback() { return (flags & WBACK) != 0; }

    /** Marks the encoding UNDEFINED (or UNPREDICTABLE, which we treat the same): executes as a UsageFault UNDEFINSTR. */
    public void undefined() { group = Group.UNDEFINED; op = 0; }

    public boolean isUndefined() { return group == Group.UNDEFINED; }

    @Override public String toString() {
        return size == 2 ? String.format("%04x       %s", hw1, name) : String.format("%04x %04x  %s", hw1, hw2, name);
    }
}
