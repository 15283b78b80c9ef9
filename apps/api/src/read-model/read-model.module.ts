import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadModel } from '@app/persistence';

/** The read-model layer of @app/persistence, on the API's database connection: where every query of the API lives. */
@Global()
@Module({
  providers: [{ provide: ReadModel, useFactory: (ds: DataSource) => new ReadModel(ds), inject: [getDataSourceToken()] }],
  exports: [ReadModel],
})
export class ReadModelModule {}
