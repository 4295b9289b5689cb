import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { K8S, loadManifests, type Manifest } from './manifests.js';

/** The kubernetes-models class of each kind we ship; a manifest of any other kind fails the test. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};
/** Read by kustomize, not the API server: checked by hand below. */
const KUSTOMIZE = 'kustomize.config.k8s.io/v1beta1/Kustomization';

const manifests = loadManifests();
const resources = manifests.filter((m) => `${m.apiVersion}/${m.kind}` !== KUSTOMIZE);
const byKind = (kind: string) => resources.filter((m) => m.kind === kind);
const only = (kind: string): Manifest => {
  const found = byKind(kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
};
const podSpec = (m: Manifest): IPodSpec =>
  (m as unknown as { spec: { template: { spec: IPodSpec } } }).spec.template.spec;

describe('Kubernetes manifests (infra/k8s)', () => {
  it('has the resources a deployment needs', () => {
    for (const kind of ['Namespace', 'Secret', 'Job', 'Deployment', 'Service'])
      expect(byKind(kind)).toHaveLength(1);
  });

  it.each(resources.map((m) => [`${m.file}: ${m.kind} ${m.metadata?.name}`, m] as const))(
    'validates %s against the Kubernetes schema',
    (_label, manifest) => {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `${manifest.apiVersion} ${manifest.kind} is not a kind we validate`).toBeDefined();
      const { file: _file, ...data } = manifest;
      expect(() => new Model!(data as never).validate()).not.toThrow();
    },
  );

  it('rejects a manifest that breaks the schema (the check is real)', () => {
    const deployment = only('Deployment');
    const { file: _file, ...data } = deployment;
    const broken = structuredClone(data) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });

  it('puts everything namespaced in the service-programme namespace', () => {
    const namespace = only('Namespace').metadata.name;
    for (const m of resources.filter((r) => r.kind !== 'Namespace')) {
      expect(m.metadata.namespace, `${m.kind} ${m.metadata.name}`).toBe(namespace);
    }
  });

  it('probes the API: liveness on /healthz, readiness on /readyz, on the container port', () => {
    const [api] = podSpec(only('Deployment')).containers as [IContainer];
    expect(api.livenessProbe?.httpGet?.path).toBe('/healthz');
    expect(api.readinessProbe?.httpGet?.path).toBe('/readyz');
    const port = api.ports?.find((p) => p.name === api.readinessProbe?.httpGet?.port);
    expect(port?.containerPort).toBe(4000);
  });

  it('gives every container requests and limits for cpu and memory', () => {
    for (const m of [only('Deployment'), only('Job')]) {
      for (const container of podSpec(m).containers) {
        for (const side of ['requests', 'limits'] as const) {
          expect(container.resources?.[side], `${m.kind} ${container.name} ${side}`).toMatchObject({
            cpu: expect.anything(),
            memory: expect.anything(),
          });
        }
      }
    }
  });

  it('runs every pod as non-root, without privilege escalation, on a read-only root filesystem', () => {
    for (const m of [only('Deployment'), only('Job')]) {
      const spec = podSpec(m);
      expect(spec.securityContext?.runAsNonRoot, m.kind).toBe(true);
      expect(spec.securityContext?.runAsUser, m.kind).not.toBe(0);
      for (const container of spec.containers) {
        expect(container.securityContext, `${m.kind} ${container.name}`).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('runs migrations in a Job with `npm run migrate -w @csp/api`, as the owner', () => {
    const [container] = podSpec(only('Job')).containers as [IContainer];
    expect(container.command?.join(' ')).toBe('npm run migrate -w @csp/api');
    const url = container.env?.find((e) => e.name === 'MIGRATION_DATABASE_URL');
    expect(url?.valueFrom?.secretKeyRef?.key).toBe('MIGRATION_DATABASE_URL');
  });

  it('keeps the owner credentials off the API pods: they skip migrations', () => {
    const [container] = podSpec(only('Deployment')).containers as [IContainer];
    expect(container.env?.find((e) => e.name === 'MIGRATION_DATABASE_URL')).toBeUndefined();
    expect(container.env?.find((e) => e.name === 'SKIP_MIGRATIONS')?.value).toBe('true');
  });

  it('takes DATABASE_URL from the Secret, never as a literal', () => {
    const secret = only('Secret');
    const keys = Object.keys((secret as unknown as { stringData: Record<string, string> }).stringData);
    expect(keys.sort()).toEqual(['DATABASE_URL', 'MIGRATION_DATABASE_URL']);
    for (const m of [only('Deployment'), only('Job')]) {
      for (const container of podSpec(m).containers) {
        const env = container.env ?? [];
        const database = env.find((e) => e.name === 'DATABASE_URL');
        expect(database?.value, `${m.kind}: a literal DATABASE_URL`).toBeUndefined();
        expect(database?.valueFrom?.secretKeyRef?.name).toBe(secret.metadata.name);
        expect(env.find((e) => e.name === 'NODE_ENV')?.value).toBe('production');
      }
    }
  });

  it('selects the API pods from the Service, the HPA and the PodDisruptionBudget', () => {
    const deployment = only('Deployment') as unknown as {
      metadata: { name: string };
      spec: {
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> } };
      };
    };
    const labels = deployment.spec.template.metadata.labels;
    expect(labels).toMatchObject(deployment.spec.selector.matchLabels);
    const service = only('Service') as unknown as { spec: { selector: Record<string, string> } };
    expect(labels).toMatchObject(service.spec.selector);
    const pdb = only('PodDisruptionBudget') as unknown as {
      spec: { selector: { matchLabels: Record<string, string> } };
    };
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
    const hpa = only('HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { name: string } } };
    expect(hpa.spec.scaleTargetRef.name).toBe(deployment.metadata.name);
  });

  it('lists every manifest but the Secret template in kustomization.yaml', () => {
    const kustomization = manifests.find((m) => `${m.apiVersion}/${m.kind}` === KUSTOMIZE) as unknown as {
      resources: string[];
    };
    const files = [...new Set(resources.map((m) => m.file))].filter((file) => !file.includes('template'));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    for (const file of kustomization.resources) expect(fs.existsSync(path.join(K8S, file)), file).toBe(true);
  });
});
