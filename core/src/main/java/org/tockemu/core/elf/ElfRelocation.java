package org.tockemu.core.elf;

/**
 * One Elf32_Rel entry (or Elf32_Rela when {@code addend} is present).
 *
 * @param offset r_offset: where to patch
 * @param info   r_info: symbol index (high 24 bits) and type (low 8 bits)
 * @param addend r_addend for SHT_RELA sections, 0 for SHT_REL
 */
public record ElfRelocation(long offset, long info, long addend) {
    public static final int R_ARM_ABS32 = 2, R_ARM_REL32 = 3, R_ARM_GOT_BREL = 26,
            R_ARM_RELATIVE = 23, R_ARM_TARGET1 = 38;

    public int symbolIndex() {
        return (int) (info >>> 8);
    }

    public int relocationType() {
        return (int) (info & 0xff);
    }
}
