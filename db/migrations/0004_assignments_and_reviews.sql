CREATE TYPE "public"."attempt_end" AS ENUM('student', 'time_limit', 'closed');--> statement-breakpoint
CREATE TYPE "public"."assignment_counting" AS ENUM('best', 'latest');--> statement-breakpoint
CREATE TYPE "public"."assignment_reveal" AS ENUM('after_submit', 'after_due');--> statement-breakpoint
ALTER TYPE "public"."quiz_kind" ADD VALUE 'assignment';--> statement-breakpoint
CREATE TABLE "question_reviews" (
	"teacher_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"included" boolean NOT NULL,
	"question" jsonb,
	"custom" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_reviews_teacher_id_article_id_question_id_pk" PRIMARY KEY("teacher_id","article_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"quiz_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts_allowed" integer DEFAULT 1 NOT NULL,
	"counting" "assignment_counting" DEFAULT 'best' NOT NULL,
	"reveal" "assignment_reveal" DEFAULT 'after_submit' NOT NULL,
	"time_limit_minutes" integer,
	"shuffle" boolean DEFAULT true NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "quiz_attempts_one_open_idx";--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "question_order" jsonb;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "ended_by" "attempt_end";--> statement-breakpoint
ALTER TABLE "question_reviews" ADD CONSTRAINT "question_reviews_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_reviews" ADD CONSTRAINT "question_reviews_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_reviews_article_idx" ON "question_reviews" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "assignments_class_idx" ON "assignments" USING btree ("class_id","due_at");--> statement-breakpoint
CREATE INDEX "assignments_quiz_idx" ON "assignments" USING btree ("quiz_id");--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open_assignment_idx" ON "quiz_attempts" USING btree ("user_id","assignment_id") WHERE "quiz_attempts"."status" = 'in_progress' and "quiz_attempts"."assignment_id" is not null;--> statement-breakpoint
CREATE INDEX "quiz_attempts_assignment_idx" ON "quiz_attempts" USING btree ("assignment_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open_idx" ON "quiz_attempts" USING btree ("user_id","article_id") WHERE "quiz_attempts"."status" = 'in_progress' and "quiz_attempts"."assignment_id" is null;