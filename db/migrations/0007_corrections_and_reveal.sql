CREATE TYPE "public"."regrade_kind" AS ENUM('key', 'accept', 'full_credit', 'drop', 'original');--> statement-breakpoint
ALTER TYPE "public"."assignment_reveal" ADD VALUE 'after_last_attempt';--> statement-breakpoint
CREATE TABLE "question_regrades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "question_regrades_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"assignment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"kind" "regrade_kind" NOT NULL,
	"answer" jsonb,
	"explanation" text,
	"teacher_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_overrides_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"attempt_id" uuid NOT NULL,
	"question_id" text,
	"score" real,
	"comment" text DEFAULT '' NOT NULL,
	"teacher_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_regrades" ADD CONSTRAINT "question_regrades_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_regrades" ADD CONSTRAINT "question_regrades_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_overrides" ADD CONSTRAINT "score_overrides_attempt_id_quiz_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_overrides" ADD CONSTRAINT "score_overrides_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_regrades_assignment_idx" ON "question_regrades" USING btree ("assignment_id","seq");--> statement-breakpoint
CREATE INDEX "question_regrades_teacher_idx" ON "question_regrades" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "score_overrides_attempt_idx" ON "score_overrides" USING btree ("attempt_id","seq");--> statement-breakpoint
CREATE INDEX "score_overrides_teacher_idx" ON "score_overrides" USING btree ("teacher_id");