package org.tockemu.kernel.tbf;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the TBF objects in an app-flash image the way Tock's process loader does
 * (tock-abi.md §3.2): read the 8-byte length prefix; a version other than 2 (e.g. erased
 * 0xFFFF) ends the walk; otherwise the object spans total_size bytes and the next one starts
 * right after it. Objects that fail to parse, padding, disabled and incompatible apps are
 * reported but skipped by {@link #loadable}.
 */
public final class TbfFlashScanner {
    /**
     * One object in flash.
     *
     * @param offset    offset of the object in the scanned image
     * @param totalSize its total_size (distance to the next object)
     * @param header    the parsed header, or null if it failed to parse
     * @param error     why it cannot be loaded (parse error, padding, disabled, kernel version), or null
     */
    public record Entry(int offset, long totalSize, TbfHeader header, TbfFormatException error) {
        public boolean isLoadable() {
            return header != null && error == null;
        }
    }

    private TbfFlashScanner() {
    }

    /**
     * Scans {@code flash[start, end)}. Checks KernelVersion against {@code kernelMajor.kernelMinor}.
     * The walk also stops at an object whose total_size is below 16 or runs past {@code end}
     * (reported as a final entry with an error).
     */
    public static List<Entry> scan(byte[] flash, int start, int end, int kernelMajor, int kernelMinor, String name) {
        List<Entry> out = new ArrayList<>();
        int pos = start;
        end = Math.min(end, flash.length);
        while (pos + 8 <= end) {
            int version = TbfHeader.u16(flash, pos);
            if (version != 2) break;
            long total = TbfHeader.u32(flash, pos + 4);
            String where = String.format("%s@0x%x", name, pos);
            if (total < TbfHeader.BASE_SIZE || pos + total > end) {
                out.add(new Entry(pos, total, null, new TbfFormatException(where, 4, "total_size", String.format(
                        "0x%x does not fit in the remaining app flash (0x%x bytes); scan stopped", total, end - pos))));
                break;
            }
            TbfHeader h = null;
            TbfFormatException err = null;
            try {
                byte[] obj = java.util.Arrays.copyOfRange(flash, pos, (int) (pos + total));
                h = TbfHeader.parse(obj, where);
                h.checkLoadable(kernelMajor, kernelMinor);
            } catch (TbfFormatException e) {
                err = e;
            }
            out.add(new Entry(pos, total, h, err));
            pos += (int) total;
        }
        return out;
    }

    /** {@link #scan} against the emulated kernel version. */
    public static List<Entry> scan(byte[] flash, int start, int end, String name) {
        return scan(flash, start, end, TbfHeader.KERNEL_MAJOR, TbfHeader.KERNEL_MINOR, name);
    }

    /** Only the entries the kernel would turn into processes, in flash order. */
    public static List<Entry> loadable(List<Entry> entries) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (e.isLoadable()) out.add(e);
        return out;
    }
}
