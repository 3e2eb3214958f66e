import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { PasswordService } from '../../common/auth/password.service';
import { AppError } from '../../common/errors/app-error';
import { CreatePersonDto, PersonDto, PersonListQueryDto, PersonPageDto, UpdatePersonDto } from './dto/person.dto';
import { Person } from './entities/person.entity';
import { containsText } from './org-search';
import { RoleGrantsService } from './role-grants.service';
import { onUniqueViolation } from './unique-violation';

/** People who sign in; archived instead of deleted, since ballots and forms name them. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordService,
    private readonly grants: RoleGrantsService,
  ) {}

  async list(query: PersonListQueryDto): Promise<PersonPageDto> {
    const where: FilterQuery<Person> = {
      ...(query.includeArchived ? {} : { archivedAt: null }),
      ...containsText(query.q, ['username', 'full_name', 'email']),
    };
    const [people, total] = await this.em.findAndCount(Person, where, { orderBy: { username: 'asc' }, limit: query.limit, offset: query.offset });
    return { items: people.map(PersonDto.from), total };
  }

  async get(id: string): Promise<PersonDto> {
    return PersonDto.from(await this.find(id));
  }

  async create(body: CreatePersonDto): Promise<PersonDto> {
    const passwordHash = body.password ? await this.passwords.hash(body.password) : null;
    const person = this.em.create(Person, {
      username: body.username,
      fullName: body.fullName,
      email: body.email ?? null,
      position: body.position ?? null,
      passwordHash,
    });
    await this.flushPerson(person);
    return PersonDto.from(person);
  }

  async update(id: string, body: UpdatePersonDto): Promise<PersonDto> {
    const person = await this.find(id);
    if (person.archivedAt) throw new AppError('PERSON_ARCHIVED', { person: person.fullName, username: person.username });
    if (body.username !== undefined) person.username = body.username;
    if (body.fullName !== undefined) person.fullName = body.fullName;
    if (body.email !== undefined) person.email = body.email;
    if (body.position !== undefined) person.position = body.position;
    if (body.password !== undefined) person.passwordHash = await this.passwords.hash(body.password);
    await this.flushPerson(person);
    return PersonDto.from(person);
  }

  /** An archived person can no longer sign in; their existing tokens stop working at the next request. */
  async archive(id: string): Promise<PersonDto> {
    const person = await this.find(id);
    if (!person.archivedAt) {
      await this.grants.assertNotLastAdmin(person.id);
      person.archivedAt = new Date();
      await this.em.flush();
    }
    return PersonDto.from(person);
  }

  async restore(id: string): Promise<PersonDto> {
    const person = await this.find(id);
    person.archivedAt = null;
    await this.em.flush();
    return PersonDto.from(person);
  }

  private async find(id: string): Promise<Person> {
    const person = await this.em.findOne(Person, { id });
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id });
    return person;
  }

  private flushPerson(person: Person): Promise<void> {
    return onUniqueViolation(
      () => this.em.flush(),
      () => {
        this.em.clear();
        return new AppError('USERNAME_TAKEN', { username: person.username });
      },
    );
  }
}
