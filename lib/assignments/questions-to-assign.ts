export { reviewedQuizQuestions as questionsToAssign } from "@/lib/reviews/reviews";
