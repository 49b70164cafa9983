package org.tockemu.kernel.tbf;

import java.util.List;

/**
 * One TLV entry of a TBF header or footer (tock-abi.md §3.2). Every record carries the byte
 * offset of its 4-byte TLV header (from the TBF start) and its payload length as stored.
 * Unsigned 32-bit fields are held in longs.
 */
public sealed interface TbfTlv {
    int MAIN = 1, WRITEABLE_FLASH_REGIONS = 2, PACKAGE_NAME = 3, PIC_OPTION_1 = 4, FIXED_ADDRESSES = 5,
            PERMISSIONS = 6, STORAGE_PERMISSIONS = 7, KERNEL_VERSION = 8, PROGRAM = 9, SHORT_ID = 10,
            CREDENTIALS = 128;

    /** Offset of the TLV header from the TBF start. */
    int offset();

    /** The TLV type number. */
    int type();

    /** The payload length as stored in the TLV (not rounded up). */
    int length();

    /** Human-readable name for a TLV type, e.g. "Program" or "Unknown(42)". */
    static String typeName(int type) {
        return switch (type) {
            case MAIN -> "Main";
            case WRITEABLE_FLASH_REGIONS -> "WriteableFlashRegions";
            case PACKAGE_NAME -> "PackageName";
            case PIC_OPTION_1 -> "PicOption1";
            case FIXED_ADDRESSES -> "FixedAddresses";
            case PERMISSIONS -> "Permissions";
            case STORAGE_PERMISSIONS -> "StoragePermissions";
            case KERNEL_VERSION -> "KernelVersion";
            case PROGRAM -> "Program";
            case SHORT_ID -> "ShortId";
            case CREDENTIALS -> "Credentials";
            default -> "Unknown(" + type + ")";
        };
    }

    default String typeName() {
        return typeName(type());
    }

    /** Type 1 (deprecated): init offset, protected trailer size, minimum RAM. */
    record Main(int offset, long initFnOffset, long protectedTrailerSize, long minimumRamSize) implements TbfTlv {
        public int type() { return MAIN; }
        public int length() { return 12; }
    }

    /** Type 9: Main plus binary end offset (from the TBF start) and app version. */
    record Program(int offset, long initFnOffset, long protectedTrailerSize, long minimumRamSize,
                   long binaryEndOffset, long version) implements TbfTlv {
        public int type() { return PROGRAM; }
        public int length() { return 20; }
    }

    /** Type 2: writeable flash regions; region offsets count from the TBF start. */
    record WriteableFlashRegions(int offset, int length, List<Region> regions) implements TbfTlv {
        public int type() { return WRITEABLE_FLASH_REGIONS; }
    }

    record Region(long offset, long size) {
    }

    /** Type 3: the package (process) name, UTF-8 without NUL. */
    record PackageName(int offset, int length, String name) implements TbfTlv {
        public int type() { return PACKAGE_NAME; }
    }

    /** Type 5: fixed addresses; 0xFFFFFFFF means "not fixed". */
    record FixedAddresses(int offset, long ramStart, long flashStart) implements TbfTlv {
        public static final long NOT_FIXED = 0xFFFF_FFFFL;
        public int type() { return FIXED_ADDRESSES; }
        public int length() { return 8; }
        public boolean ramFixed() { return ramStart != NOT_FIXED; }
        public boolean flashFixed() { return flashStart != NOT_FIXED; }
    }

    /** Type 6: syscall permissions. */
    record Permissions(int offset, int length, List<DriverPermission> permissions) implements TbfTlv {
        public int type() { return PERMISSIONS; }

        /** True if the filter allows command {@code command} of driver {@code driver}. */
        public boolean allows(long driver, long command) {
            for (DriverPermission p : permissions)
                if (p.driver() == driver && p.offset() == command / 64 && ((p.allowedCommands() >>> (command % 64)) & 1) != 0)
                    return true;
            return false;
        }
    }

    /** allowed bit i means command number offset*64+i is allowed. */
    record DriverPermission(long driver, long offset, long allowedCommands) {
    }

    /** Type 7: storage permissions (write id, read ids, modify ids). */
    record StoragePermissions(int offset, int length, long writeId, List<Long> readIds, List<Long> modifyIds)
            implements TbfTlv {
        public int type() { return STORAGE_PERMISSIONS; }
    }

    /** Type 8: the kernel version the app needs: major must match, minor is a minimum. */
    record KernelVersion(int offset, int major, int minor) implements TbfTlv {
        public int type() { return KERNEL_VERSION; }
        public int length() { return 4; }
    }

    /** Type 10: short id, 0 = none. */
    record ShortId(int offset, long shortId) implements TbfTlv {
        public int type() { return SHORT_ID; }
        public int length() { return 4; }
    }

    /** Type 128, a footer: credentials format and data. */
    record Credentials(int offset, int length, long format, byte[] data) implements TbfTlv {
        public static final int RESERVED = 0, RSA3072 = 1, RSA4096 = 2, SHA256 = 3, SHA384 = 4, SHA512 = 5,
                ECDSA_P256 = 6;

        public int type() { return CREDENTIALS; }

        public static String formatName(long format) {
            return switch ((int) format) {
                case RESERVED -> "Reserved";
                case RSA3072 -> "Rsa3072Key";
                case RSA4096 -> "Rsa4096Key";
                case SHA256 -> "SHA256";
                case SHA384 -> "SHA384";
                case SHA512 -> "SHA512";
                case ECDSA_P256 -> "EcdsaNistP256";
                default -> "Unknown(" + format + ")";
            };
        }

        /** Expected data length for a format, or -1 if any length is allowed. */
        public static int expectedDataLength(long format) {
            return switch ((int) format) {
                case RSA3072 -> 768;
                case RSA4096 -> 1024;
                case SHA256 -> 32;
                case SHA384 -> 48;
                case SHA512 -> 64;
                case ECDSA_P256 -> 64;
                default -> -1;
            };
        }
    }

    /** Any other type (including PicOption1): skipped by the kernel, kept raw here. */
    record Unknown(int offset, int type, int length, byte[] payload) implements TbfTlv {
    }
}
