/* faults: configurable fault handlers that read CFSR/HFSR/MMFAR/BFAR and skip
 * the faulting instruction: unaligned LDM/LDRD/STRD (UNALIGNED), unaligned LDR
 * with CCR.UNALIGN_TRP, SDIV/UDIV by zero with CCR.DIV_0_TRP (DIVBYZERO) and
 * without (result 0), UDF (UNDEFINSTR), BX to an ARM-state address (INVSTATE),
 * precise bus fault on an unmapped address (PRECISERR + BFAR) for loads, stores
 * and LDM, instruction fetch from an unmapped address (IBUSERR), escalation to HardFault (FORCED) when the fault class is disabled,
 * and SVC with PRIMASK set (escalation).
 * Note: QEMU 7.2 raises the DIV_0_TRP UsageFault from a TCG helper without
 * syncing registers written earlier in the same translation block, so an ISB
 * (which ends the block) precedes each trapping divide here. */
#include "tb.h"
#include "fault.h"

uint32_t tb_sum;
static uint32_t buf[8] __attribute__((aligned(8))) = {1, 2, 3, 4, 5, 6, 7, 8};
#define BAD_ADDR 0x60000000u

static uint32_t ldm_unaligned(void) { register uint32_t a __asm__("r2") = 0, b __asm__("r3") = 0;
    __asm__ volatile("ldm %[p], {%[a], %[b]}" : [a] "+r"(a), [b] "+r"(b) : [p] "r"((uint8_t *)buf + 2) : "memory"); return a + b; }
static uint32_t ldrd_unaligned(void) { uint32_t a = 0, b = 0;
    __asm__ volatile("ldrd %[a], %[b], [%[p]]" : [a] "+r"(a), [b] "+r"(b) : [p] "r"((uint8_t *)buf + 2) : "memory"); return a + b; }
static uint32_t strd_unaligned(void) {
    __asm__ volatile("strd %[a], %[b], [%[p]]" : : [a] "r"(1), [b] "r"(2), [p] "r"((uint8_t *)buf + 6) : "memory"); return buf[1]; }
static uint32_t ldr_unaligned(void) { uint32_t a = 0x1234;
    __asm__ volatile("ldr %[a], [%[p]]" : [a] "+r"(a) : [p] "r"((uint8_t *)buf + 1) : "memory"); return a; }
static uint32_t ldrh_unaligned(void) { uint32_t a = 0x1234;
    __asm__ volatile("ldrh %[a], [%[p]]" : [a] "+r"(a) : [p] "r"((uint8_t *)buf + 3) : "memory"); return a; }
static uint32_t sdiv0(uint32_t a, uint32_t b) { uint32_t d = 0x5555;
    __asm__ volatile("isb\n\tsdiv %[d], %[a], %[b]" : [d] "+r"(d) : [a] "r"(a), [b] "r"(b)); return d; }
static uint32_t udiv0(uint32_t a, uint32_t b) { uint32_t d = 0x6666;
    __asm__ volatile("isb\n\tudiv %[d], %[a], %[b]" : [d] "+r"(d) : [a] "r"(a), [b] "r"(b)); return d; }
static uint32_t udf16(void) { uint32_t d = 1; __asm__ volatile("udf #7\n\tadds %[d], #1" : [d] "+l"(d) :: "cc"); return d; }
static uint32_t udf32(void) { uint32_t d = 1; __asm__ volatile("udf.w #300\n\tadds %[d], #2" : [d] "+l"(d) :: "cc"); return d; }
static uint32_t bad_load(void) { uint32_t d = 0x77; __asm__ volatile("ldr %[d], [%[p]]" : [d] "+r"(d) : [p] "r"(BAD_ADDR) : "memory"); return d; }
static uint32_t bad_loadb(void) { uint32_t d = 0x78; __asm__ volatile("ldrb.w %[d], [%[p], #-1]" : [d] "+r"(d) : [p] "r"(BAD_ADDR + 0x101) : "memory"); return d; }
static uint32_t bad_store(void) { __asm__ volatile("str %[v], [%[p], #8]" : : [v] "r"(5), [p] "r"(BAD_ADDR) : "memory"); return 0; }
static uint32_t bad_ldm(void) { register uint32_t a __asm__("r2") = 1, b __asm__("r3") = 2;
    __asm__ volatile("ldm %[p], {%[a], %[b]}" : [a] "+r"(a), [b] "+r"(b) : [p] "r"(BAD_ADDR + 0x40) : "memory"); return a + b; }
static uint32_t exec_unmapped(void) { uint32_t d = 9;
    /* call into the unmapped area: IBUSERR (or a HardFault escalation), resumed at the return address */
    __asm__ volatile("ldr r1, =0x60000001\n\tblx r1\n\tadds %[d], #1" : [d] "+l"(d) : : "r0", "r1", "r2", "r3", "r12", "lr", "cc", "memory"); return d; }
static uint32_t arm_state(void) { uint32_t d = 3;
    __asm__ volatile("adr r1, 1f\n\tblx r1\n\tb 2f\n\t.align 2\n1: nop\n\tbx lr\n2:\n\tadds %[d], #4" : [d] "+l"(d) : : "r1", "lr", "cc"); return d; }

int main(void)
{
    fault_pc_base = 0;
    SCB_SHCSR |= SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA | SHCSR_MEMFAULTENA;
    printf("shcsr enables %08lx\n", (unsigned long)(SCB_SHCSR & 0x70000));
    fault_reset();
    uint32_t r;
    r = ldm_unaligned();   fault_print("ldm unaligned", r);
    r = ldrd_unaligned();  fault_print("ldrd unaligned", r);
    r = strd_unaligned();  fault_print("strd unaligned", r);
    r = ldr_unaligned();   fault_print("ldr unaligned, trap off", r);
    r = ldrh_unaligned();  fault_print("ldrh unaligned, trap off", r);
    SCB_CCR |= CCR_UNALIGN_TRP; dsb_isb();
    r = ldr_unaligned();   fault_print("ldr unaligned, trap on", r);
    r = ldrh_unaligned();  fault_print("ldrh unaligned, trap on", r);
    SCB_CCR &= ~CCR_UNALIGN_TRP; dsb_isb();
    r = sdiv0(100, 0);     fault_print("sdiv by 0, trap off", r);
    r = udiv0(100, 0);     fault_print("udiv by 0, trap off", r);
    SCB_CCR |= CCR_DIV_0_TRP; dsb_isb();
    r = sdiv0(100, 0);     fault_print("sdiv by 0, trap on", r);
    r = udiv0(100, 0);     fault_print("udiv by 0, trap on", r);
    r = sdiv0(100, 7);     fault_print("sdiv by 7, trap on", r);
    SCB_CCR &= ~CCR_DIV_0_TRP; dsb_isb();
    r = udf16();           fault_print("udf 16-bit", r);
    r = udf32();           fault_print("udf 32-bit", r);
    r = arm_state();       fault_print("blx to arm state", r);
    r = bad_load();        fault_print("load from unmapped", r);
    r = bad_loadb();       fault_print("ldrb from unmapped", r);
    r = bad_store();       fault_print("store to unmapped", r);
    r = bad_ldm();         fault_print("ldm from unmapped", r);
    r = exec_unmapped();   fault_print("execute from unmapped", r);
    /* with the fault classes disabled, faults escalate to HardFault */
    SCB_SHCSR &= ~(SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA);
    r = udf16();           fault_print("udf, usagefault disabled", r);
    r = ldm_unaligned();   fault_print("ldm unaligned, disabled", r);
    r = bad_load();        fault_print("unmapped load, disabled", r);
    /* SVC while PRIMASK is set: escalates to HardFault */
    set_primask(1);
    __asm__ volatile("svc #0");
    set_primask(0);
    fault_print("svc with primask set", 0);
    printf("faults checksum %08lx\n", (unsigned long)tb_sum);
    return 0;
}
