import { z } from 'zod';

/**
 * Ids are opaque strings (UUIDs made at the edge and passed in). Branding keeps a `StaffId` from being
 * passed where a `WorkOrderId` is expected.
 */
const brandedId = <B extends string>(_brand: B) => z.string().min(1).max(64).brand<B>();

export const EstateId = brandedId('EstateId');
export type EstateId = z.infer<typeof EstateId>;
export const BuildingId = brandedId('BuildingId');
export type BuildingId = z.infer<typeof BuildingId>;
export const UnitId = brandedId('UnitId');
export type UnitId = z.infer<typeof UnitId>;
export const RoomId = brandedId('RoomId');
export type RoomId = z.infer<typeof RoomId>;
export const ZoneId = brandedId('ZoneId');
export type ZoneId = z.infer<typeof ZoneId>;
export const MapFeatureId = brandedId('MapFeatureId');
export type MapFeatureId = z.infer<typeof MapFeatureId>;
export const ResidentId = brandedId('ResidentId');
export type ResidentId = z.infer<typeof ResidentId>;
export const HouseholdId = brandedId('HouseholdId');
export type HouseholdId = z.infer<typeof HouseholdId>;
export const StaffId = brandedId('StaffId');
export type StaffId = z.infer<typeof StaffId>;
export const WorkOrderId = brandedId('WorkOrderId');
export type WorkOrderId = z.infer<typeof WorkOrderId>;
export const PatrolRouteId = brandedId('PatrolRouteId');
export type PatrolRouteId = z.infer<typeof PatrolRouteId>;
export const CheckpointId = brandedId('CheckpointId');
export type CheckpointId = z.infer<typeof CheckpointId>;
export const CleaningTaskId = brandedId('CleaningTaskId');
export type CleaningTaskId = z.infer<typeof CleaningTaskId>;
export const ScoringTemplateId = brandedId('ScoringTemplateId');
export type ScoringTemplateId = z.infer<typeof ScoringTemplateId>;
export const SpotCheckId = brandedId('SpotCheckId');
export type SpotCheckId = z.infer<typeof SpotCheckId>;
export const VisitId = brandedId('VisitId');
export type VisitId = z.infer<typeof VisitId>;
export const VehiclePermitId = brandedId('VehiclePermitId');
export type VehiclePermitId = z.infer<typeof VehiclePermitId>;
export const ParcelId = brandedId('ParcelId');
export type ParcelId = z.infer<typeof ParcelId>;
export const MaterialItemId = brandedId('MaterialItemId');
export type MaterialItemId = z.infer<typeof MaterialItemId>;
export const PurchasePlanId = brandedId('PurchasePlanId');
export type PurchasePlanId = z.infer<typeof PurchasePlanId>;
export const RequisitionId = brandedId('RequisitionId');
export type RequisitionId = z.infer<typeof RequisitionId>;
export const BillId = brandedId('BillId');
export type BillId = z.infer<typeof BillId>;
export const PaymentId = brandedId('PaymentId');
export type PaymentId = z.infer<typeof PaymentId>;
