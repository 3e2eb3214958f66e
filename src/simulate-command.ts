import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { PrincipalService } from './modules/auth/principal.service';
import { Cluster } from './modules/org/entities/cluster.entity';
import { Person } from './modules/org/entities/person.entity';
import { RoleGrant } from './modules/org/entities/role-grant.entity';
import { Unit } from './modules/org/entities/unit.entity';
import { WorkflowVersion } from './workflows/engine/entities/workflow-version.entity';
import { DryRunner } from './workflows/simulation/dry-run';
import { simulationText } from './workflows/simulation/simulation-text';

/** `thidua simulate …`: a dry run from the command line, printed as text or JSON. */
export async function simulate(config: AppConfig, argv: string[]): Promise<'usage' | 'done' | 'failed'> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cluster: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      starts: { type: 'string' },
      until: { type: 'string' },
      late: { type: 'string', default: '0' },
      against: { type: 'string', default: '' },
      decline: { type: 'string' },
      amend: { type: 'string' },
      seed: { type: 'string', default: '1' },
      as: { type: 'string' },
      lang: { type: 'string', default: 'vi' },
      json: { type: 'boolean', default: false },
    },
  });
  const year = Number(values.year);
  const late = Number(values.late);
  if (positionals.length !== 1 || !Number.isInteger(year) || (!values.cluster === !values.unit) || !(late >= 0 && late <= 1)) return 'usage';
  if (values.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.until)) return 'usage';
  const fail = (vi: string, en: string) => {
    process.stderr.write(`${vi} / ${en}\n`);
    return 'failed' as const;
  };

  const app = await NestFactory.createApplicationContext(AppModule.forRole('api', config), { logger: false, abortOnError: false });
  try {
    const em = app.get(MikroORM).em.fork();
    const [version] = await em.find(WorkflowVersion, { definition: { key: positionals[0] } }, { orderBy: { number: 'desc' }, limit: 1, populate: ['definition'] });
    if (!version) return fail(`Không có quy trình “${positionals[0]}” đã công bố`, `No published workflow “${positionals[0]}”`);
    const cluster = values.cluster ? await em.findOne(Cluster, { name: values.cluster, year, archivedAt: null }) : null;
    if (values.cluster && !cluster) return fail(`Không có cụm “${values.cluster}” năm ${year}`, `No cluster “${values.cluster}” in ${year}`);
    const unit = values.unit ? await em.findOne(Unit, { code: values.unit, archivedAt: null }) : null;
    if (values.unit && !unit) return fail(`Không có đơn vị mã “${values.unit}”`, `No unit with code “${values.unit}”`);
    const person = values.as
      ? await em.findOne(Person, { username: values.as, archivedAt: null })
      : ((await em.findOne(RoleGrant, { role: 'admin', revokedAt: null }, { populate: ['person'] }))?.person ?? null);
    if (!person) return fail('Không tìm thấy người phát động (quản trị viên)', 'No launching administrator found');

    const report = await app.get(DryRunner).run(
      {
        workflowVersionId: version.id,
        name: `${version.definition.name} ${year} (diễn tập)`,
        year,
        clusterId: cluster?.id,
        unitId: unit?.id,
        startsOn: values.starts,
        behaviour: { lateShare: late, votesAgainst: values.against ? values.against.split(',').map((code) => code.trim()) : [], declines: values.decline ?? null, amends: values.amend ?? null, seed: Number(values.seed), until: values.until ?? null },
      },
      await app.get(PrincipalService).load(person.id),
    );
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : simulationText(report, values.lang === 'en' ? 'en' : 'vi'));
    return 'done';
  } finally {
    await app.close();
  }
}
