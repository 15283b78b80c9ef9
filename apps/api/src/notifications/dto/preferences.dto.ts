import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** What a person chooses about being told. Escalations (overdue, reports to the leaders) cannot be turned off. */
export class PreferencesDto {
  @ApiProperty({ example: true, description: 'E-mail reminders before a due date (the in-app reminder stays)' })
  @IsBoolean()
  emailReminders: boolean;
}
