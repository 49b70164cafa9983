/**
 * The Tock Binary Format (TBF) and Tock Application Bundles (TAB).
 *
 * <ul>
 * <li>{@link org.tockemu.kernel.tbf.TbfHeader}: parse a TBF (base header, one
 *     {@link org.tockemu.kernel.tbf.TbfTlv} record per TLV, footers), verify the checksum,
 *     derive protected size, app start, init offset, binary end, minimum RAM; the kernel's load
 *     checks are {@code checkLoadable()}.</li>
 * <li>{@link org.tockemu.kernel.tbf.TabArchive} / {@link org.tockemu.kernel.tbf.TabWriter} /
 *     {@link org.tockemu.kernel.tbf.TabMetadata}: read and write TABs; pick the cortex-m4 TBF
 *     (falling back to cortex-m3, then cortex-m0).</li>
 * <li>{@link org.tockemu.kernel.tbf.TbfPacker}: ELF to TBF as elf2tab does.</li>
 * <li>{@link org.tockemu.kernel.tbf.TbfInspector}: text and JSON dumps.</li>
 * </ul>
 *
 * <h2>Sources and what could not be confirmed</h2>
 * Read (not copied) from tock/elf2tab {@code src/convert.rs}, {@code src/header.rs},
 * {@code src/main.rs}, {@code src/cmdline.rs}, {@code src/util.rs} (several stored revisions,
 * up to a 0.14-dev {@code convert.rs} with {@code _flash_origin}, {@code short_id} and
 * {@code ensured_footer_reserved_space}), tock/tock {@code libraries/tock-tbf/src/parse.rs},
 * and /work/shared/tock-abi.md §3–4. elf2tab itself was not run (no crates.io), so:
 * <ul>
 * <li>Layout, padding and footer rules follow the newest convert.rs seen: segments in
 *     program-header order, zero padding by physical-address gaps (an older revision used
 *     file-offset gaps); a footer reservation absorbs odd padding bytes
 *     ({@code ensured_footer_reserved_space}); a non-PIC binary on a 256-byte boundary is
 *     refused ("protected region too small") unless a size is given (an older revision fell
 *     back to the header size); segments starting before the fixed flash address are cut.</li>
 * <li>The ShortId TLV position (after KernelVersion) comes from tock-abi.md; no stored
 *     header.rs revision had ShortId. The newest header.rs seen ends with KernelVersion.</li>
 * <li>A Reserved footer longer than 65535 bytes gets a truncated length, as elf2tab's
 *     {@code as u16} does (only for TBFs over ~64 KiB of padding).</li>
 * <li>TABs may differ from elf2tab's in tar-header details: the tar-rs checksum field format
 *     and GNU header extras were not read. The deterministic mtime 1153704088 of appended TBF
 *     entries (tar-rs {@code HeaderMode::Deterministic}) is confirmed by third-party notes; the
 *     metadata entry keeps mtime 0. Newer elf2tab may also write a {@code supported-boards} key.</li>
 * <li>tockloader accepts a TBF inside a TAB that is shorter than its total_size; this parser
 *     requires all total_size bytes (elf2tab always writes them).</li>
 * <li>Tock parses Permissions and StoragePermissions lazily; this parser rejects a count that
 *     does not fit the TLV at parse time (stricter than the kernel).</li>
 * <li>RSA/ECDSA signature footers are not produced (SHA-256/384/512 are).</li>
 * <li>The kernel keeps at most 4 WFRs and 8 storage ids; this parser keeps all of them.</li>
 * </ul>
 */
package org.tockemu.kernel.tbf;
