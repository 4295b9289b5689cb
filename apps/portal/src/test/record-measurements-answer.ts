/**
 * What the API answers to `recordMeasurements`, for the service levels' component tests (MockedProvider needs the
 * typenames): the counts default to nothing recorded.
 */
export function recordMeasurementsAnswer(
  userErrors: { field: string; message: string; code: string }[],
  counts: { added?: number; replaced?: number; corrected?: number } = {},
) {
  return {
    data: {
      recordMeasurements: {
        __typename: 'RecordMeasurementsPayload',
        added: counts.added ?? 0,
        replaced: counts.replaced ?? 0,
        corrected: counts.corrected ?? 0,
        userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
      },
    },
  };
}
