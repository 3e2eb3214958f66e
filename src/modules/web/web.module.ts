import { Module } from '@nestjs/common';

/** Server-rendered pages. */
@Module({})
export class WebModule {}
