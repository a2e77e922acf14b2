// The columns entity classes declare (TypeORM, MikroORM, NestJS Mongoose, sequelize-typescript), read with their
// table's name; relations, undecorated properties and other libraries' classes declare no column.
import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import * as typeorm from 'typeorm'
import { Entity as MikroEntity, PrimaryKey, Property } from '@mikro-orm/core'
import { Prop, Schema } from '@nestjs/mongoose'
import { Column as SequelizeColumn, Model, Table } from 'sequelize-typescript'
import { Injectable } from '@nestjs/common'

@Entity('users')
export class UserRecord {
  // privaudit:expect data-flow:user.unique_id-storage
  @PrimaryGeneratedColumn() id!: number
  // privaudit:expect data-flow:user.contact.email-storage
  @Column() email!: string
  // privaudit:expect data-flow:user.contact.phone_number-storage
  @Column({ nullable: true }) phone?: string
  // a user's name, by the table
  // privaudit:expect data-flow:user.name-storage
  @Column() name!: string
  @CreateDateColumn() createdAt!: Date
  @Column() emailVerified!: boolean
  @ManyToOne(() => Team) billingAddress!: Team
  // not a column: no decorator
  ip?: string
}

@typeorm.Entity({ name: 'projects' })
export class Project {
  // a project's name is not a person's
  @typeorm.Column() name!: string
  // privaudit:expect data-flow:user.contact.email-storage
  @typeorm.Column() ownerEmail!: string
}

@MikroEntity({ tableName: 'customers' })
export class Customer {
  @PrimaryKey() uuid!: string
  // privaudit:expect data-flow:user.contact.address-storage
  @Property() shippingAddress!: string
}

@Schema({ collection: 'members' })
export class Member {
  // privaudit:expect data-flow:user.name-storage
  @Prop() name!: string
}

@Table({ tableName: 'patients' })
export class Patient extends Model {
  // privaudit:expect data-flow:user.demographic.date_of_birth-storage
  @SequelizeColumn dateOfBirth!: Date
}

// a service, not an entity: its properties are no columns
@Injectable()
export class MailService {
  @Column() email!: string
}
