package org.tockemu.core.elf;

/** One ELF32 symbol-table entry ({@code .symtab}), with its name resolved. */
public record ElfSymbol(int index, String name, long value, long size, int type, int bind,
                        int other, int shndx) {
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3,
            STT_FILE = 4;
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
    public static final int SHN_UNDEF = 0, SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2;

    public boolean isFunction() {
        return type == STT_FUNC;
    }

    public boolean isGlobal() {
        return bind == STB_GLOBAL || bind == STB_WEAK;
    }
}
