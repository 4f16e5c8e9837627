import { z } from 'zod';

/**
 * Urgency class (诉求分类) of a work order. It decides every SLA deadline.
 * - urgent 紧急: affects normal living or safety right now; someone on site within 15 minutes.
 * - important 重要: damaged shared facilities that affect public safety; forwarded in 1 h, solved in 24 h.
 * - general 一般: sanitation, noise, ordinary repairs; forwarded the same day, solved in 3 working days.
 */
export const UrgencyClass = z.enum(['urgent', 'important', 'general']);
export type UrgencyClass = z.infer<typeof UrgencyClass>;
