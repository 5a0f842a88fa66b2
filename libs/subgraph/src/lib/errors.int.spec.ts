import { INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Args, Field, GraphQLModule, InputType, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@reform/decider';
import { WrongExpectedVersionError } from '@reform/event-store';
import { API_ERROR_FILTER } from './errors';
import { DateScalar, DateTimeScalar } from './scalars';
import { subgraphGraphQLOptions } from './subgraph-options';
import { subgraphTypes } from './subgraph-types';

@InputType()
class SpanInput {
  @Field(() => [DateScalar]) days!: string[];
}

@Resolver()
class FailingResolver {
  @Query(() => String)
  fail(@Args('how') how: string): string {
    if (how === 'domain')
      throw new DomainError('PLAN.TASK_WITHOUT_IMPLEMENTER', 'Nhiệm vụ 3 chưa có đơn vị thực hiện.', { field: 'tasks[2].implementingUnits' });
    if (how === 'missing') throw new DomainError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch.', { kind: 'NOT_FOUND' });
    if (how === 'conflict') throw new WrongExpectedVersionError('plan-1', 3, 4);
    throw new Error('connection reset by peer at 10.0.0.7');
  }

  @Query(() => String)
  at(@Args('when', { type: () => DateTimeScalar }) when: Date): string {
    return when.toISOString();
  }

  @Query(() => String)
  day(@Args('on', { type: () => DateScalar }) on: string): string {
    return on;
  }

  @Query(() => Number)
  span(@Args('input', { type: () => SpanInput }) input: SpanInput): number {
    return input.days.length;
  }
}

@Module({ providers: [FailingResolver] })
class FailingModule {}

describe('subgraph errors', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FailingModule, GraphQLModule.forRoot(subgraphGraphQLOptions({ module: FailingModule, types: subgraphTypes('Failing') }))],
      providers: [API_ERROR_FILTER],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
  });
  afterAll(() => app.close());

  const fail = async (how: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ fail(how: "${how}") }` }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    return body.errors[0];
  };

  it('answers a broken rule with BAD_USER_INPUT naming the field, in Vietnamese', async () => {
    const error = await fail('domain');
    expect(error.message).toBe('Nhiệm vụ 3 chưa có đơn vị thực hiện.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PLAN.TASK_WITHOUT_IMPLEMENTER', field: 'tasks[2].implementingUnits' });
  });

  it('keeps NOT_FOUND and CONFLICT apart', async () => {
    expect((await fail('missing')).extensions.code).toBe('NOT_FOUND');
    expect((await fail('conflict')).extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 3, actualVersion: 4 });
  });

  it('answers a malformed DateTime with BAD_USER_INPUT and the Vietnamese reason, naming the argument when it came as a variable', async () => {
    const post = async (query: string, variables?: Record<string, unknown>) =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as {
        data?: unknown;
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
    const asVariable = await post('query($when: DateTime!) { at(when: $when) }', { when: '2020-13-01' });
    expect(asVariable.errors[0].message).toBe(
      'when: Thời điểm "2020-13-01" không hợp lệ: dùng ISO 8601 có múi giờ, ví dụ 2020-07-01T00:00:00Z, từ năm 1900 đến 9999.',
    );
    expect(asVariable.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'when' });
    const asLiteral = await post('{ at(when: "hôm qua") }');
    expect(asLiteral.errors[0].message).toBe('Thời điểm "hôm qua" không hợp lệ: dùng ISO 8601 có múi giờ, ví dụ 2020-07-01T00:00:00Z, từ năm 1900 đến 9999.');
    // Apollo keeps GRAPHQL_VALIDATION_FAILED for a literal (checked before execution); through the
    // gateway every argument reaches a subgraph as a variable, so users get the case above.
    expect(asLiteral.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await post('{ at(when: "2020-07-01T00:00:00Z") }')).data).toEqual({ at: '2020-07-01T00:00:00.000Z' });
  });

  it("refuses impossible days and instants outside the platform's years with BAD_USER_INPUT naming the argument (issue 12, finding 6)", async () => {
    const post = async (query: string, variables?: Record<string, unknown>) =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as {
        data?: unknown;
        errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
    for (const on of ['2021-02-29', '2021-04-31', '0000-01-01', '2021-13-01']) {
      const result = await post('query($on: Date!) { day(on: $on) }', { on });
      expect([on, result.errors?.[0].extensions]).toEqual([on, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'on' })]);
    }
    for (const when of ['0000-01-01T00:00:00Z', '2021-02-29T00:00:00Z', '2021-02-30T10:00:00+07:00']) {
      const result = await post('query($when: DateTime!) { at(when: $when) }', { when });
      expect([when, result.errors?.[0].extensions]).toEqual([when, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'when' })]);
    }
    // The gateway names a subgraph's variables `_<field>_<argument>`: the field users see is the argument.
    const renamed = await post('query($_day_on: Date!) { day(on: $_day_on) }', { _day_on: '2021-02-29' });
    expect(renamed.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^on: Ngày "2021-02-29" không hợp lệ/),
      extensions: { code: 'BAD_USER_INPUT', field: 'on' },
    });
    expect((await post('{ day(on: "2024-02-29") }')).data).toEqual({ day: '2024-02-29' });
    // Inside an input, the field is the argument's path to the refused value.
    const nested = await post('query($_span_input: SpanInput!) { span(input: $_span_input) }', { _span_input: { days: ['2024-02-29', '2021-02-29'] } });
    expect(nested.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^input\.days\[1\]: Ngày "2021-02-29" không hợp lệ/),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.days[1]' },
    });
  });

  it('hides internal failures and their stack traces', async () => {
    const error = await fail('crash');
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toContain('10.0.0.7');
    expect(error.extensions.stacktrace).toBeUndefined();
  });
});
