-- AlterEnum
ALTER TYPE "ParticipantRole" ADD VALUE 'out_of_hours_doctor';

