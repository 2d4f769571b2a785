import React, { useState } from 'react';
import { Box, Button, Checkbox, Inline, Stack, Text } from '@forge/react';
import type { BulkActionDto } from '../../../contract';
import { MAX_EXPLICIT_SELECTION, MAX_FILTER_SELECTION } from '../../../contract';
import { productNames } from '../../components/productNames';
import { SelectField } from '../../components/SelectField';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { buildAction, bulkActionTypes, productValue, type BulkActionType } from './actionLabel';

/** B1: what is selected (rows, or all users matching the filter) and which action to plan for it. */
export const BulkActionBar = (props: {
  idPrefix: string;
  selectedCount: number;
  matchingCount: number | null;
  allMatching: boolean;
  onAllMatching: (all: boolean) => void;
  onClear: () => void;
  products: ProductChoice[];
  busy: boolean;
  onReview: (action: BulkActionDto) => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const names = productNames(props.products, locale);
  const [type, setType] = useState<BulkActionType>('deactivate');
  const [productId, setProductId] = useState('');
  const product = props.products.find((p) => productValue(p) === productId);
  const action = buildAction(type, product);
  const count = props.allMatching ? (props.matchingCount ?? 0) : props.selectedCount;
  const tooMany = props.allMatching ? count > MAX_FILTER_SELECTION : count > MAX_EXPLICIT_SELECTION;
  const needsProduct = type === 'revoke-product' || type === 'assign-product';
  return (
    <Box padding="space.150" backgroundColor="color.background.neutral">
      <Stack space="space.100">
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <Text>{props.allMatching ? t('bulk.allMatchingCount', { count, formatted: fmt.number(count) }) : t('bulk.selectedCount', { count, formatted: fmt.number(count) })}</Text>
          {props.matchingCount !== null && (
            <Checkbox
              label={t('bulk.selectAllMatching', { count: props.matchingCount, formatted: fmt.number(props.matchingCount) })}
              isChecked={props.allMatching}
              onChange={(event) => {
                props.onAllMatching(event.target.checked === true);
              }}
            />
          )}
          {props.selectedCount > 0 && !props.allMatching && (
            <Button appearance="subtle" onClick={props.onClear}>
              {t('bulk.clearSelection')}
            </Button>
          )}
        </Inline>
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <SelectField
            id={`${props.idPrefix}-bulk-action`}
            label={t('bulk.action')}
            options={bulkActionTypes.map((value) => ({ value, label: t(`bulk.actions.${value}`) }))}
            value={type}
            onChange={setType}
          />
          {needsProduct && (
            <SelectField
              id={`${props.idPrefix}-bulk-product`}
              label={t('bulk.product')}
              options={[{ value: '', label: t('bulk.chooseProduct') }, ...props.products.map((p) => ({ value: productValue(p), label: names.label(p) }))]}
              value={productId}
              onChange={setProductId}
            />
          )}
          <Button
            appearance="primary"
            isDisabled={props.busy || count === 0 || tooMany || action === null}
            onClick={() => {
              if (action !== null) props.onReview(action);
            }}
          >
            {t('bulk.review')}
          </Button>
        </Inline>
        {tooMany && <Text>{t('bulk.tooMany', { max: fmt.number(props.allMatching ? MAX_FILTER_SELECTION : MAX_EXPLICIT_SELECTION) })}</Text>}
      </Stack>
    </Box>
  );
};
