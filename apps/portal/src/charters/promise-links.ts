import { graphql } from '../generated/gql';

export const PromiseCriteriaQuery = graphql(`
  query PromiseCriteria($charterId: ID!) {
    auditFrameworks {
      key
      name
      sections {
        key
        title
        criteria {
          key
          prompt
        }
      }
    }
    promiseLinks(charterId: $charterId) {
      promiseKey
      frameworkKey
      criterionKey
    }
  }
`);

export const LinkPromiseToCriteriaMutation = graphql(`
  mutation LinkPromiseToCriteria($input: LinkPromiseToCriteriaInput!) {
    linkPromiseToCriteria(input: $input) {
      links {
        promiseKey
        frameworkKey
        criterionKey
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export interface LinkableFramework {
  key: string;
  name: string;
  sections: readonly {
    key: string;
    title: string;
    criteria: readonly { key: string; prompt: string }[];
  }[];
}

export interface PromiseLink {
  promiseKey: string;
  frameworkKey: string;
  criterionKey: string;
}

export interface LinkablePromise {
  key: string;
  title: string;
}

/**
 * The promises a consultant can link: the draft's saved promises in its order, then any of the version in force
 * that the draft has dropped (still in force, so still worth auditing until the draft is published).
 */
export function linkablePromises(
  draft: readonly LinkablePromise[] | undefined,
  published: readonly LinkablePromise[] | undefined,
): LinkablePromise[] {
  const list = [...(draft ?? [])];
  const seen = new Set(list.map((p) => p.key));
  for (const promise of published ?? []) if (!seen.has(promise.key)) list.push(promise);
  return list.map(({ key, title }) => ({ key, title }));
}

/** One promise's links, as framework name and criterion prompt, in framework then criterion order. */
export function describeLinks(
  promiseKey: string,
  links: readonly PromiseLink[],
  frameworks: readonly LinkableFramework[],
): { frameworkKey: string; framework: string; criteria: { key: string; prompt: string }[] }[] {
  return frameworks.flatMap((framework) => {
    const linked = new Set(
      links
        .filter((l) => l.promiseKey === promiseKey && l.frameworkKey === framework.key)
        .map((l) => l.criterionKey),
    );
    const criteria = framework.sections.flatMap((s) => s.criteria).filter((c) => linked.has(c.key));
    // A link to a criterion removed from the framework's latest version is still shown, by its key.
    const known = new Set(criteria.map((c) => c.key));
    const stale = [...linked].filter((key) => !known.has(key)).map((key) => ({ key, prompt: key }));
    const all = [...criteria, ...stale];
    return all.length ? [{ frameworkKey: framework.key, framework: framework.name, criteria: all }] : [];
  });
}
