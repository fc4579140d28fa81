/**
 * Separation of duties: whoever submitted a unit's period, or entered any of its values, does not approve it.
 * Returns why an approval is refused, or null when the approver is someone else.
 */
export function separationOfDutiesProblem(
  approver: string,
  submittedBy: string | null,
  valuesEnteredByApprover: number,
): string | null {
  if (submittedBy === approver) return `${approver} submitted this period and cannot also approve it`;
  if (valuesEnteredByApprover > 0)
    return `${approver} entered ${valuesEnteredByApprover} of its values and cannot also approve them`;
  return null;
}
