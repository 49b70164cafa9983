/* Fault handlers for corpus programs: record the exception number, CFSR, HFSR,
 * MMFAR/BFAR (when valid) and the stacked PC, clear the status bits, then skip
 * the faulting instruction (or, for faults on instruction fetch, return to the
 * stacked LR with the Thumb bit set). */
#ifndef TB_FAULT_H
#define TB_FAULT_H
#include "tb.h"

struct fault_rec { uint32_t exc, cfsr, hfsr, far, pc_off, count; };
static volatile struct fault_rec last_fault;
static volatile uint32_t fault_resume_lr; /* 1: resume at stacked LR (fetch faults) */
static volatile uint32_t fault_pc_base;
/* optional hook run first; returning nonzero skips the default handling */
static int (*volatile fault_hook)(uint32_t *frame, uint32_t excret, uint32_t cfsr);

void fault_c(uint32_t *frame, uint32_t excret)
{
    uint32_t cfsr = SCB_CFSR, hfsr = SCB_HFSR;
    if (fault_hook && fault_hook(frame, excret, cfsr)) { SCB_CFSR = cfsr; SCB_HFSR = hfsr; return; }
    last_fault.exc = get_ipsr();
    last_fault.cfsr = cfsr;
    last_fault.hfsr = hfsr;
    last_fault.far = (cfsr & (1u << 7)) ? SCB_MMFAR : (cfsr & (1u << 15)) ? SCB_BFAR : 0;
    last_fault.pc_off = frame[6] - fault_pc_base;
    last_fault.count++;
    SCB_CFSR = cfsr;
    SCB_HFSR = hfsr;
    if (fault_resume_lr || (cfsr & ((1u << 0) | (1u << 8) | (1u << 17)))) { /* IACCVIOL, IBUSERR, INVSTATE */
        frame[6] = frame[5] & ~1u;
        frame[7] |= 1u << 24;
    } else {
        frame[6] += thumb_len(frame[6]);
    }
}
#define FAULT_TRAMP(name) __attribute__((naked)) void name(void) { \
    __asm__ volatile("tst lr, #4\n\tite eq\n\tmrseq r0, msp\n\tmrsne r0, psp\n\tmov r1, lr\n\t" \
                     "push {r1, lr}\n\tbl fault_c\n\tpop {r1, pc}"); }
FAULT_TRAMP(HardFault_Handler)
FAULT_TRAMP(MemManage_Handler)
FAULT_TRAMP(BusFault_Handler)
FAULT_TRAMP(UsageFault_Handler)

static void fault_reset(void) { last_fault.exc = 0; last_fault.cfsr = 0; last_fault.hfsr = 0; last_fault.far = 0; last_fault.count = 0; }
static void fault_print(const char *what, uint32_t result)
{
    printf("%-30s n=%lu exc=%lu cfsr=%08lx hfsr=%08lx far=%08lx result=%08lx\n", what, (unsigned long)last_fault.count,
           (unsigned long)last_fault.exc, (unsigned long)last_fault.cfsr, (unsigned long)last_fault.hfsr,
           (unsigned long)last_fault.far, (unsigned long)result);
    tb_mix(last_fault.count); tb_mix(last_fault.exc); tb_mix(last_fault.cfsr); tb_mix(last_fault.hfsr); tb_mix(last_fault.far); tb_mix(result);
    fault_reset();
}
#endif
