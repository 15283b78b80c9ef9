/** Unit codes of a commune's People's Committee (see shared design, api.md). */
export const UNIT_CODES = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

export const UNIT_NAMES: Record<UnitCode, string> = {
  VP: 'Văn phòng HĐND và UBND xã',
  VHXH: 'Phòng Văn hóa - Xã hội',
  KT: 'Phòng Kinh tế',
  TTPVHCC: 'Trung tâm Phục vụ hành chính công',
  TTDVSNC: 'Trung tâm Dịch vụ sự nghiệp công',
};

export const ROLES = ['STAFF', 'UNIT_HEAD', 'COORDINATOR', 'VICE_CHAIRMAN', 'CHAIRMAN', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface UnitRef {
  code: UnitCode;
  name: string;
}
